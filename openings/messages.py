"""The interface's words in each language the site may publish in.

Templates and views ask for a message by its key; a language is added by adding its table.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

EN = {
    "skip": "Skip to main content",
    "jobs": "Jobs",
    "open_jobs": "Open jobs",
    "closed_jobs": "Closed jobs",
    "home_intro": "Jobs you can apply for now, soonest deadline first.",
    "closed_intro": "Jobs that no longer take applications, most recently closed first.",
    "no_open": "There are no open jobs right now. Please check again soon.",
    "no_closed": "There are no closed jobs to show.",
    "status.open": "Open",
    "status.closing-soon": "Closing soon",
    "status.closed": "Closed",
    "closed_notice": "Applications for this role are now closed.",
    "status_label": "Status:",
    "apply_by": "Apply by",
    "closed_on": "Closed on",
    "organization": "Organization",
    "location": "Location",
    "work_arrangement": "Work arrangement",
    "arrangement.on-site": "On site",
    "arrangement.hybrid": "Hybrid (some work from home)",
    "arrangement.remote": "Remote",
    "salary": "Salary",
    "term": "Job term",
    "term.permanent": "Permanent",
    "term.temporary": "Temporary",
    "term.contract": "Contract",
    "term.co-op": "Co-op",
    "term.student": "Student",
    "term.casual": "Casual",
    "term.seasonal": "Seasonal",
    "hours": "Hours of work",
    "per_week": "{hours} hours a week",
    "positions": "Positions",
    "posted": "Posted",
    "job_id": "Job ID",
    "existing_vacancy": "Existing vacancy",
    "ai_screening": "AI used to screen applicants",
    "yes": "Yes",
    "no": "No",
    "apply": "Apply",
    "apply_by_email": "Apply by email",
    "apply_email": "Send your application to {email}.",
    "apply_online": "Apply online",
    "apply_subject": "Put “{subject}” as the subject line.",
    "contact_name": "Contact: {name}",
    "accommodation": "Accommodation",
    "accommodation_text": "Accommodation is available under the Ontario Human Rights Code. "
                          "If you need a disability-related accommodation to take part in "
                          "the hiring process, contact us:",
    "job_details": "Job details",
    "pay.range": "{low} to {high} {per}",
    "pay.single": "{low} {per}",
    "per.hour": "an hour",
    "per.day": "a day",
    "per.week": "a week",
    "per.month": "a month",
    "per.year": "a year",
    "term.dates": "{start} to {end}",
    "term.from": "starting {start}",
    "deadline": "{time} {zone} ({abbr}), {date}",
    "not_found": "Page not found",
    "not_found_text": "We could not find that page. The job may have been removed, or the "
                      "address may be mistyped.",
    "back_home": "See all open jobs",
    "draft": "Draft: not published",
    "feed": "Job alerts (Atom feed)",
    "footer": "Job postings published with Openings.",
    "other_languages": "Other languages",
    "language_name": "English",
}

FR = {
    "skip": "Passer au contenu principal",
    "jobs": "Emplois",
    "open_jobs": "Emplois ouverts",
    "closed_jobs": "Emplois fermés",
    "home_intro": "Les emplois auxquels vous pouvez postuler, la date limite la plus proche "
                  "en premier.",
    "closed_intro": "Les emplois qui n’acceptent plus de candidatures, les plus récemment "
                    "fermés en premier.",
    "no_open": "Il n’y a aucun emploi ouvert en ce moment. Revenez bientôt.",
    "no_closed": "Il n’y a aucun emploi fermé à afficher.",
    "status.open": "Ouvert",
    "status.closing-soon": "Ferme bientôt",
    "status.closed": "Fermé",
    "closed_notice": "Les candidatures pour ce poste sont maintenant closes.",
    "status_label": "État\u00a0:",
    "apply_by": "Date limite",
    "closed_on": "Date de fermeture",
    "organization": "Organisation",
    "location": "Lieu",
    "work_arrangement": "Modalités de travail",
    "arrangement.on-site": "Sur place",
    "arrangement.hybrid": "Hybride (en partie à domicile)",
    "arrangement.remote": "À distance",
    "salary": "Salaire",
    "term": "Durée de l’emploi",
    "term.permanent": "Permanent",
    "term.temporary": "Temporaire",
    "term.contract": "Contractuel",
    "term.co-op": "Stage coop",
    "term.student": "Étudiant",
    "term.casual": "Occasionnel",
    "term.seasonal": "Saisonnier",
    "hours": "Heures de travail",
    "per_week": "{hours} heures par semaine",
    "positions": "Postes",
    "posted": "Publié le",
    "job_id": "Numéro de l’offre",
    "existing_vacancy": "Poste actuellement vacant",
    "ai_screening": "IA utilisée pour présélectionner les candidatures",
    "yes": "Oui",
    "no": "Non",
    "apply": "Postuler",
    "apply_by_email": "Postuler par courriel",
    "apply_email": "Envoyez votre candidature à {email}.",
    "apply_online": "Postuler en ligne",
    "apply_subject": "Indiquez «\u00a0{subject}\u00a0» comme objet.",
    "contact_name": "Personne-ressource\u00a0: {name}",
    "accommodation": "Mesures d’adaptation",
    "accommodation_text": "Des mesures d’adaptation sont offertes en vertu du Code des droits "
                          "de la personne de l’Ontario. Si vous avez besoin d’une mesure "
                          "d’adaptation liée à un handicap pour participer au processus "
                          "d’embauche, écrivez-nous\u00a0:",
    "job_details": "Détails de l’emploi",
    "pay.range": "{low} à {high} {per}",
    "pay.single": "{low} {per}",
    "per.hour": "l’heure",
    "per.day": "par jour",
    "per.week": "par semaine",
    "per.month": "par mois",
    "per.year": "par année",
    "term.dates": "du {start} au {end}",
    "term.from": "à partir du {start}",
    "deadline": "{date} à {time} ({zone}, {abbr})",
    "not_found": "Page introuvable",
    "not_found_text": "Nous n’avons pas trouvé cette page. L’offre a peut-être été retirée, "
                      "ou l’adresse contient une erreur.",
    "back_home": "Voir tous les emplois ouverts",
    "draft": "Ébauche\u00a0: non publiée",
    "feed": "Alertes d’emploi (fil Atom)",
    "footer": "Offres d’emploi publiées avec Openings.",
    "other_languages": "Autres langues",
    "language_name": "Français",
}

CATALOGUES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"en": MappingProxyType(EN), "fr": MappingProxyType(FR)})


def messages(lang: str) -> Mapping[str, str]:
    """The interface's words for a language, English where no table exists yet."""
    return CATALOGUES.get(lang, CATALOGUES["en"])
