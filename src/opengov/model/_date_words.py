"""The words of dates in English, French and Spanish, as the phrase grammar reads them.

Every word is folded as the grammar folds text (no accents, lower case): "août" is ``aout``,
"año" is ``ano``, "1º" is ``1o``. Each table maps a word to what it means; the grammar in
``opengov.model._date_phrases`` builds its patterns from these tables.
"""

from __future__ import annotations

from opengov.model.dates import Frequency, Precision, Qualifier

__all__ = [
    "CONTEXT",
    "FREQUENCIES",
    "LAST",
    "MONTHS",
    "MONTH_GROUPS",
    "MONTH_NAMES",
    "NOT_DATES",
    "ONGOING",
    "ORDINALS",
    "QUALIFIERS",
    "SEASONS",
    "SEASON_START",
    "UNITS",
]

MONTHS = {
    "january": 1, "jan": 1, "janvier": 1, "janv": 1, "enero": 1, "ene": 1,
    "february": 2, "feb": 2, "fevrier": 2, "fevr": 2, "fev": 2, "febrero": 2,
    "march": 3, "mar": 3, "mars": 3, "marzo": 3,
    "april": 4, "apr": 4, "avril": 4, "avr": 4, "abril": 4, "abr": 4,
    "may": 5, "mai": 5, "mayo": 5,
    "june": 6, "jun": 6, "juin": 6, "junio": 6,
    "july": 7, "jul": 7, "juillet": 7, "juil": 7, "julio": 7,
    "august": 8, "aug": 8, "aout": 8, "agosto": 8, "ago": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9, "septiembre": 9, "setiembre": 9,
    "set": 9,
    "october": 10, "oct": 10, "octobre": 10, "octubre": 10,
    "november": 11, "nov": 11, "novembre": 11, "noviembre": 11,
    "december": 12, "dec": 12, "decembre": 12, "diciembre": 12, "dic": 12,
}  # fmt: skip
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "premier": 1, "premiere": 1, "1er": 1, "1ere": 1, "1e": 1,
    "seconde": 2, "deuxieme": 2, "2e": 2, "2eme": 2, "2nde": 2, "2d": 2,
    "troisieme": 3, "3e": 3, "3eme": 3, "quatrieme": 4, "4e": 4, "4eme": 4,
    # Spanish; "1º" and "1ª" fold to "1o" and "1a"
    "primer": 1, "primero": 1, "primera": 1, "1ro": 1, "1ra": 1, "1o": 1, "1a": 1, "1°": 1,
    "segundo": 2, "segunda": 2, "2do": 2, "2da": 2, "2o": 2, "2a": 2, "2°": 2,
    "tercer": 3, "tercero": 3, "tercera": 3, "3ro": 3, "3ra": 3, "3o": 3, "3a": 3, "3°": 3,
    "cuarto": 4, "cuarta": 4, "4to": 4, "4ta": 4, "4o": 4, "4a": 4, "4°": 4,
    # Roman numerals, common in Latin America ("II semestre 2022")
    "i": 1, "ii": 2, "iii": 3, "iv": 4,
}  # fmt: skip
LAST = {"last": 0, "final": 0, "dernier": 0, "derniere": 0, "ultimo": 0, "ultima": 0}
UNITS = {
    "quarter": Precision.QUARTER, "quarters": Precision.QUARTER,
    "trimester": Precision.QUARTER, "trimesters": Precision.QUARTER,
    "trimestre": Precision.QUARTER, "trimestres": Precision.QUARTER,
    "semester": Precision.SEMESTER, "semesters": Precision.SEMESTER,
    "semestre": Precision.SEMESTER, "semestres": Precision.SEMESTER,
    "half": Precision.SEMESTER, "halves": Precision.SEMESTER,
}  # fmt: skip
# Parts of a year the model has no precision for: read as the range of their months.
MONTH_GROUPS = {
    "bimestre": 2, "bimestres": 2,
    "cuatrimestre": 4, "cuatrimestres": 4, "quadrimestre": 4, "quadrimestres": 4,
}  # fmt: skip
SEASONS = {
    "spring": "spring", "printemps": "spring", "primavera": "spring",
    "summer": "summer", "ete": "summer", "verano": "summer",
    "autumn": "autumn", "fall": "autumn", "automne": "autumn", "otono": "autumn",
    "winter": "winter", "hiver": "winter", "invierno": "winter",
}  # fmt: skip
# Meteorological seasons: the first of their three months. A season starting in December
# straddles the new year.
SEASON_START: dict[str, dict[str, int]] = {
    "north": {"spring": 3, "summer": 6, "autumn": 9, "winter": 12},
    "south": {"spring": 9, "summer": 12, "autumn": 3, "winter": 6},
}
QUALIFIERS = {
    "early": Qualifier.EARLY, "beginning of": Qualifier.EARLY, "the beginning of": Qualifier.EARLY,
    "start of": Qualifier.EARLY, "the start of": Qualifier.EARLY,
    "debut": Qualifier.EARLY,
    "principios": Qualifier.EARLY, "inicios": Qualifier.EARLY, "comienzos": Qualifier.EARLY,
    "inicio": Qualifier.EARLY, "comienzo": Qualifier.EARLY, "al inicio": Qualifier.EARLY,
    "mid": Qualifier.MID, "middle of": Qualifier.MID, "the middle of": Qualifier.MID,
    "mi": Qualifier.MID, "milieu": Qualifier.MID, "mediados": Qualifier.MID,
    "late": Qualifier.LATE, "end of": Qualifier.LATE, "the end of": Qualifier.LATE,
    "fin": Qualifier.LATE, "la fin": Qualifier.LATE,
    "finales": Qualifier.LATE, "fines": Qualifier.LATE, "final": Qualifier.LATE,
    "al final": Qualifier.LATE,
}  # fmt: skip


def _listed(words: str) -> list[str]:
    """Words written as one ``|``-separated string (long lists stay readable)."""
    return words.split("|")


def _each(frequency: Frequency, words: str) -> dict[str, Frequency]:
    return dict.fromkeys(_listed(words), frequency)


FREQUENCIES = {
    **_each(Frequency.WEEKLY, "weekly|every week|each week|hebdomadaire|chaque semaine"
            "|toutes les semaines|semanal|semanalmente|cada semana|todas las semanas"),
    **_each(Frequency.MONTHLY, "monthly|every month|each month|mensuel|mensuelle|mensuellement"
            "|chaque mois|tous les mois|mensual|mensualmente|cada mes|todos los meses"),
    **_each(Frequency.QUARTERLY, "quarterly|every quarter|each quarter|every trimester"
            "|each trimester|every three months|every 3 months|trimestriel|trimestrielle"
            "|trimestriellement|chaque trimestre|tous les trimestres|tous les trois mois"
            "|tous les 3 mois|trimestral|trimestralmente|cada trimestre|cada tres meses"
            "|cada 3 meses"),
    **_each(Frequency.SEMIANNUAL, "biannually|biannual|semiannually|semi-annually|semiannual"
            "|semi-annual|half-yearly|twice a year|twice yearly|every six months|every 6 months"
            "|every semester|each semester|semestriel|semestrielle|semestriellement|biannuel"
            "|biannuelle|chaque semestre|tous les six mois|tous les 6 mois|deux fois par an"
            "|semestral|semestralmente|bianual|cada semestre|cada seis meses|cada 6 meses"
            "|dos veces al ano|dos veces por ano"),
    **_each(Frequency.ANNUAL, "annually|annual|yearly|every year|each year|once a year"
            "|annuel|annuelle|annuellement|chaque annee|tous les ans|une fois par an"
            "|anual|anualmente|cada ano|todos los anos|una vez al ano"),
    **_each(Frequency.BIENNIAL, "biennially|biennial|every two years|every 2 years|biennal"
            "|biennale|tous les deux ans|tous les 2 ans|bienal|cada dos anos|cada 2 anos"),
}  # fmt: skip
ONGOING = frozenset(
    _listed(
        "ongoing|on-going|on going|on an ongoing basis|ongoing basis|continuous|continuing"
        "|continual|continuously|permanent|permanently|en continu|continu|en permanence"
        "|de facon continue|de maniere continue|de facon permanente|de maniere permanente"
        "|permanente|permanentemente|continuo|continua|continuamente|de forma permanente"
        "|de manera permanente|en forma permanente|de forma continua|de manera continua"
        "|en forma continua"
    )
)
NOT_DATES = {
    **dict.fromkeys(
        _listed(
            "en curso|en cours|in progress|en proceso|en progreso|en ejecucion|en marcha"
            "|completed|complete|done|terminado|completado|finalizado|cumplido|termine|acheve"
            "|realise|not started|no iniciado|non commence|pending|pendiente|en attente"
            "|delayed|behind schedule|en retard|retrasado|on track|withdrawn|retire"
        ),
        "a status, not a date",
    ),
    **dict.fromkeys(
        _listed(
            "tbd|tbc|to be determined|to be confirmed|to be decided|a determiner|a definir"
            "|a confirmer|a preciser|por definir|por determinar|por confirmar"
        ),
        "a date still to be set, not a date",
    ),
    **dict.fromkeys(
        _listed(
            "n/a|na|n.a|not applicable|none|sans objet|non applicable|aucune|no aplica|s/o"
            "|ninguna|ninguno|-|–|?"
        ),
        "no date given",
    ),
}
# Words that place a date in a sentence without changing it: "in 2016", "as of October 2020",
# "au printemps 2019", "at some point in the spring 2015", "en el transcurso de 2022".
CONTEXT = frozenset(
    _listed(
        "in|on|at|as of|during|over|throughout|within|at some point in|sometime in"
        "|some time in|en|le|la|les|l'|au|a|au cours de|au cours du|au cours de l'"
        "|au cours de la|courant|dans le courant de|dans le courant du|pendant|durant"
        "|el|los|durante|en el transcurso de|en el transcurso del|en el curso de"
    )
)
