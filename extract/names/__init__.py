"""Names: people, organisations and places, their titles and roles, one name per person."""
