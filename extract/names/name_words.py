"""First names with gender, from many cultures: they mark a capitalised run as a person and let
he/she find the right antecedent. "m" / "f" where the name is clearly gendered, "" where it is not.

Hand-written (a few hundred common names); a name missing here only loses the gender hint.
"""

from __future__ import annotations

from functools import cache

_MALE = """
aaron abdul abdullah abdel abraham adam adrian ahmad ahmed akira alan albert alberto alejandro aleksandr
aleksei alex alexander alexandre alexei alexey ali alistair amir anatoly anders andre andrei andreas
andres andrew andrey andrii andriy andrzej angelo anthony antonio antony antoine anwar arnold arthur
ashraf barack barry ben benjamin benjamin benny bernard bernie bill bob boris brad bradley brandon brett
brian bruce bruno bryan carl carlos cesar charles chris christian christopher chuck clarence claude
clint colin cory craig curtis dan daniel danny dave david dean denis dennis derek diego dmitri dmitry
dmytro don donald doug douglas duncan dwight ed eddie edward eduardo emmanuel enrique eric erik ernesto
ethan eugene evan fabio faisal felipe fernando francesco francis francisco frank franz fred frederick
friedrich gabriel gary gavin george gerald gerhard giorgio giovanni giuseppe glenn gordon graham greg
gregory guillermo gustavo hakeem hamid hans harold harry hassan heinz henry herbert hiroshi howard hugh
hugo hussein ian ibrahim igor ilya imran isaac ismail ivan jack jacob jake james jamie jared jason
javier jay jean jeb jeff jeffrey jens jeremy jerome jerry jesse jim jimmy joachim joe joel johan
johannes john johnny jon jonathan jorge jose josef joseph josh joshua juan julian justin kamal karim
karl keir keith ken kenneth kevin kim kirill klaus kofi konstantin kurt kyle lamar larry lars lee leo
leon leonard leonid lindsey lloyd louis luca lucas luis luiz lukas luke malcolm manuel marc marco marcus
mario mark marko martin mateo matteo matthew matt maurice max maxim maximilian michael michel miguel
mike mikhail mitch mitt mohamed mohammad mohammed muhammad mustafa narendra nathan neil nicholas nick
nicolas nikolai nikita noah oleg oleksandr oleksiy olaf omar oscar otto pablo patrick paul pavel pedro
peter petro philip philippe pierre piotr rafael rahul raj ralph ramon rand randy raul ray raymond reince
ricardo richard rick rob robert roberto rodrigo roger roland roman ron ronald rudy rupert russell ryan
saad salman sam samuel sanjay satya scott sean sebastian serge sergei sergey sergio sergiy shinzo sigmar
simon stefan stephen steve steven stuart sunil taras ted terry thomas tim timothy todd tom tomas tony
travis trevor umar valery vasily viktor vincent vitali vitaly vladimir vladislav volodymyr walter wang
wei werner william willie wolfgang xavier xi yaakov yair yevgeny yoshihide youssef yuri yury zachary
zaid
"""

_FEMALE = """
abigail ada adriana agnes aisha alejandra alexandra alice alicia alina alison amanda amber amelia amy
ana anastasia andrea angela angelina angelique anita anitta ann anna anne annalena annette antonia
ashley barbara beatriz betsy betty beverly bianca brenda bridget brigitte caitlin camila carla carmen
carol caroline carolyn catherine cecilia celine charlotte chelsea cheryl christina christine chrystia
claire clara claudia cynthia dana daniela deborah debbie denise diana diane dilma donna doris dorothy
dovile elena eleanor elisabeth elizabeth ella ellen elsa emily emma erica erin esther eva evelyn fatima
fiona florence frances francesca gabriela giorgia gina gloria grace greta gretchen hannah heather heidi
helen helena hillary hiba ilse ines ingrid irene irina isabel isabella ivanka jacqueline jane janet
janice jasmine jeanne jennifer jessica jill jo joan joanna jodi josephine joy joyce judith judy julia
julie karen karoline kate katherine kathleen kathryn kathy katie katrin kelly kelli kellyanne kim
kimberly kirsten kristen kristi kristina lara laura lauren leah liliana lily linda lisa liz loretta lori
louise lucia lucy lydia lynn madeleine maria mariana marie marina marine marion marjorie martha mary
maxine megan meghan melania melanie melissa mia michelle mila miriam monica nadia nancy naomi natalia
natalie natasha nicola nicole nikki nina nora olena olga olivia paola patricia paula pauline penny priti
rachel rebecca regina rita rosa rose ruth sabine samantha sandra sara sarah sharon sheila silvia simone
sofia sonia sophie stephanie susan suzanne svetlana sylvia tamara tanya tara teresa theresa tiffany tina
tulsi ursula valentina valerie vanessa veronica victoria viktoria violeta virginia wendy yulia yuliia
yolanda zoe
"""

_MORE_MALE = """
abdulaziz abdulla abiy adebayo ademola ahmet akin aleksandar alessandro alexandr alvaro amadou amit
anand andrej anil antonin arjun armando arturo ashok augusto aziz babajide bashar benedikt benoit bilal
bogdan bola boubacar carlo cedric chen chidi chinedu cristiano cyril dariusz deng dieter dimitri dominik
dong duc edgar eduard elias emeka emil emilio enzo erdogan ernst esteban fabian farid fatih felix
florian francois frantisek gaston georg gheorghe giuseppe goran gunnar guo hakan hamza haruki hassan
heiko hendrik hideo hong horst hyun ibrahima ilham imre ion ismael istvan jakub jamal janusz jaroslav
javad jiri joao jong jorge jose joseph jozef jun junichi kaan kemal kenji khalid kim kwame kwabena
lamine laszlo lech lei liang lin luigi lukasz mahmoud makoto mamadou manfred marcel marcelo marek
mariano masato mateusz matthias mehmet miguel mihai milan miroslav mohamad moussa murat naveen nawaz
ngozi nikos nikola novak olusegun oluwaseun omari ousmane pascal pawel petr pierre pradeep rafal rajesh
ramzan rashid recep reza ricardo rishi rodrigo rolf romano ruslan ryszard sadiq saeed salvador samir
sandeep santiago satoshi sebastien seo sergio shehbaz shigeru sipho stanislav stefano sung svetoslav
szymon tadeusz takashi takeshi tariq thabo thierry tiago tomasz tunde uche ulrich umberto vaclav vadim
valentin viktor vinod vladislav wojciech xavier yasser yasuo yevhen yoon yusuf zbigniew zoltan zoran
boris volker joachim olaf friedrich markus lars henrik magnus nils per sven bjorn jonas mikko antti juha
pekka timo gianni sergei dmitriy denys vitaliy volodymyr mykola oleh yuriy kyrylo arsen rustem valerii
ihor
"""

_MORE_FEMALE = """
adaeze adriana agata agnieszka aiko akiko alenka alessandra alicja aliyu amina anastasiya anja annika
ayesha beata benazir birgit brigitta carmela catalina chiara chioma chinwe daria dorota dovile edyta
eleni elif elzbieta emine erika esra eun fatou federica folake francoise fumiko giulia gulnara hanna
hana hatice heike hye ilona ilse ines irmgard isabelle jadwiga jelena jolanta julija justyna kaja kamala
katarzyna kateryna katja kristiina kyoko larissa leila lena liesl lucia luisa magdalena malgorzata
margit marta mette mei ming miyuki monika nadiya naledi natalya nneka nkechi oksana olga ozlem paulina
petra pilar priya radhika rania renata rukhsana sabina sakura sanna saoirse sigrid silke simona sinead
sunita svitlana tatiana tereza ulrike urszula valeria vera wanjiru xiomara yasmin yoko yuki yulia zainab
zeynep zofia zuzana ursula kaja mette magdalena antje annalena frederikke helle iryna halyna liudmyla
mariia nataliia tetiana yuliia
"""

# Names used for both sexes (the gender hint would mislead).
_EITHER = """alexis ashley casey chris dana jamie jordan kelly kim leslie morgan pat robin sasha taylor"""


@cache
def first_names() -> dict[str, str]:
    """Lower-case first name -> "m", "f" or "" (unknown)."""
    names = {n: "m" for n in (_MALE + _MORE_MALE).split()}
    names.update({n: "f" for n in (_FEMALE + _MORE_FEMALE).split()})
    names.update({n: "" for n in _EITHER.split()})
    return names


def gender_of_first_name(name: str) -> str:
    """ "m", "f" or "" for a first name (case-insensitive, accents ignored for a few common letters)."""
    return first_names().get(_fold(name), "")


def is_first_name(name: str) -> bool:
    """True for a first name the lexicon knows, whatever its gender."""
    return _fold(name) in first_names()


_FOLD = str.maketrans(
    "áàâäãåčćçéèêëěíìîïłńñóòôöõøřšśúùûüůýžźżėąęī",
    "aaaaaaccceeeeeiiiilnnoooooorssuuuuuyzzzeaei",
)


def _fold(name: str) -> str:
    low = name.lower()
    # every letter _FOLD maps is non-ASCII, and str.translate looks each character up in a dict
    return low if low.isascii() else low.translate(_FOLD)
