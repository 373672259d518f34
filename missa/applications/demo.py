"""The network's share of the demo territory: the questions people ask before joining."""

from django.db import transaction

from missa.core.seeding import DemoContext

from .models import Question

# (question fr, question en, answer fr, answer en)
QUESTIONS = [
    (
        "Qui peut devenir ambassadeur ?",
        "Who can become an ambassador?",
        "Toute entreprise, association, institution ou personnalité attachée au territoire : "
        "installée à L'Isle-sur-la-Sorgue ou dans le Pays des Sorgues, ou qui le fait connaître "
        "ailleurs.",
        "Any company, association, institution or personality attached to the territory: based "
        "in L'Isle-sur-la-Sorgue or the Pays des Sorgues, or making it known elsewhere.",
    ),
    (
        "Combien cela coûte-t-il ?",
        "How much does it cost?",
        "Rien. Rejoindre le réseau est gratuit ; on s'engage seulement à faire vivre la marque "
        "dans le respect de la charte.",
        "Nothing. Joining the network is free; ambassadors only commit to bringing the brand to "
        "life as the charter says.",
    ),
    (
        "Que se passe-t-il après ma candidature ?",
        "What happens after I apply?",
        "Le comité de pilotage l'examine ; vous recevez un courriel à chaque étape. Une fois "
        "acceptée, votre organisation apparaît dans l'annuaire et le registre, et vous accédez au "
        "kit de marque complet.",
        "The steering committee reviews it; you receive an email at each step. Once approved, "
        "your organisation appears in the directory and the register, and you can use the whole "
        "brand kit.",
    ),
    (
        "Mon entreprise figure déjà dans l'annuaire : dois-je candidater ?",
        "My company is already in the directory: should I apply?",
        "Oui, avec son numéro SIRET : la candidature rattache la fiche existante à votre compte "
        "au lieu d'en créer une seconde.",
        "Yes, with its SIRET number: the application links the existing page to your account "
        "instead of creating a second one.",
    ),
    (
        "Puis-je quitter le réseau ?",
        "Can I leave the network?",
        "À tout moment, depuis « Mes candidatures ». Votre fiche et ce que vous avez fait restent "
        "visibles dans le journal ; votre rôle d'ambassadeur prend fin.",
        "At any time, from “My applications”. Your page and what you did stay in the journal; "
        "your role as an ambassador ends.",
    ),
]


@transaction.atomic
def load(demo: DemoContext) -> dict[str, int]:
    for order, (question_fr, question_en, answer_fr, answer_en) in enumerate(QUESTIONS, start=1):
        Question.objects.create(
            order=order,
            question_fr=question_fr,
            question_en=question_en,
            answer_fr=answer_fr,
            answer_en=answer_en,
        )
    return {}


def flush() -> None:
    Question.objects.all().delete()
