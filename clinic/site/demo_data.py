"""Demo content for the site-wide clinic profile, home-page introduction and key facts.

Plain data only. The clinic is fictional; phone numbers use the 555 range and links point at example.org.
Every key fact carries the source it was checked against.
"""

SITE_PROFILE = {
    "name": "Riverbend Ketamine Clinic",
    "tagline": "Careful, evidence-based ketamine and esketamine treatment for depression",
    "phone": "(555) 010-0142",
    "email": "care@example.org",
    "street_address": "214 Alder Street, Suite 3",
    "locality": "Springfield",
    "region": "OR",
    "postal_code": "97477",
    "country": "US",
    "booking_url": "https://example.org/book",
    "crisis_line_name": "988 Suicide & Crisis Lifeline",
    "crisis_line": "988",
    "crisis_chat_url": "https://988lifeline.org/chat/",
    "emergency_number": "911",
    # No numbers here: every page adds the crisis line and emergency number from the fields above.
    "disclaimer": (
        "The information on this website is general education, not medical advice, and it cannot "
        "replace a conversation with a qualified clinician about your own situation."
    ),
    "opening_hours": "Mo-Fr 08:00-18:00",
}

INTRO = (
    "<p>Ketamine is a medicine that has been used in anesthesia since 1970. At much lower doses, "
    "it can ease depression, sometimes within hours or days, including for some people who have "
    "not been helped by other antidepressants. It works differently from most antidepressants: it "
    "acts mainly on glutamate, one of the brain's chemical messengers, rather than on "
    "serotonin.</p>\n<p>Esketamine nasal spray (Spravato) is the FDA-approved form for depression. "
    "Generic ketamine, usually given as an IV infusion, is used off-label. Ketamine does not help "
    "everyone, and its benefits often fade without ongoing care, so we offer it as one part of a "
    "wider treatment plan, after a careful medical and psychiatric assessment.</p>"
)

KEY_FACTS = [
    {
        "figure": "2 hours",
        "text": (
            "After each dose of esketamine nasal spray, you are monitored in the clinic for at least 2 hours."
        ),
        "source_text": "SPRAVATO (esketamine) prescribing information, Janssen Pharmaceuticals (DailyMed)",
        "source_url": (
            "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=d81a6a79-a74a-44b7-822c-0dfa3036eaed"
        ),
    },
    {
        "figure": "0.5 mg/kg",
        "text": (
            "The standard IV ketamine dose for depression in clinical trials, given over about 40 minutes."
        ),
        "source_text": (
            "Zarate et al., Arch Gen Psychiatry 2006; Anand et al., N Engl J Med 2023 (Ketamine "
            "versus ECT for nonpsychotic treatment-resistant major depression)"
        ),
        "source_url": "https://pubmed.ncbi.nlm.nih.gov/37224232/",
    },
    {
        "figure": "1 day",
        "text": (
            "In pooled data from 10 small studies, a single ketamine infusion reduced suicidal "
            "thoughts within one day in people with depression, with effects lasting up to a week."
        ),
        "source_text": "Wilkinson et al., Am J Psychiatry 2018 (individual participant data meta-analysis)",
        "source_url": "https://pubmed.ncbi.nlm.nih.gov/28969441/",
    },
]

# Facts the demo once loaded and no longer does: the crisis line is now on every page, from the site
# profile's fields, so a figure repeating its number could go stale.
RETIRED_KEY_FACTS = [{"figure": "988", "source_url": "https://988lifeline.org/"}]
