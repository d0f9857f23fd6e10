"""Demo content for the articles app: authors, categories, tags and articles.

Plain data only (no Django imports). Article bodies use the small HTML subset the rich-text
cleaner allows; bracketed numbers such as [1] point at the article's references, in order. Facts were
checked against the cited sources; write fresh text rather than copying from elsewhere.
"""

AUTHORS = [
    {
        "slug": "dana-whitfield",
        "display_name": "Dana Whitfield",
        "credentials": "MD",
        "role": "Psychiatrist, medical director",
        "bio": (
            "Dr. Whitfield is a board-certified psychiatrist and the clinic's medical director. "
            "She has cared for people with severe and treatment-resistant depression for more than "
            "15 years. She leads the medical review of everything we publish."
        ),
        "may_review": True,
        "username": "dwhitfield",
    },
    {
        "slug": "daniel-okafor",
        "display_name": "Daniel Okafor",
        "credentials": "PMHNP-BC",
        "role": "Psychiatric nurse practitioner, treatment lead",
        "bio": (
            "Daniel is a board-certified psychiatric-mental health nurse practitioner who oversees "
            "infusion and esketamine sessions. Before joining the clinic he worked in inpatient "
            "psychiatry. He focuses on safety monitoring and on helping patients prepare for "
            "treatment."
        ),
        "may_review": True,
        "username": "dokafor",
    },
    {
        "slug": "ruth-abernathy",
        "display_name": "Ruth Abernathy",
        "credentials": "PhD, LCSW",
        "role": "Psychotherapist, therapy and integration lead",
        "bio": (
            "Dr. Abernathy is a licensed clinical social worker and psychotherapist who leads the "
            "clinic's therapy and integration program. She is trained in cognitive behavioral "
            "therapy and Internal Family Systems, and meets with patients before and after their "
            "ketamine sessions."
        ),
        "may_review": False,
        "username": "rabernathy",
    },
    {
        "slug": "maya-lindqvist",
        "display_name": "Maya Lindqvist",
        "credentials": "MA",
        "role": "Guest health writer",
        "bio": (
            "Maya Lindqvist is a health journalist who writes about mental health research for "
            "general readers. Her articles for the clinic are checked by our medical team before "
            "they are published."
        ),
        "may_review": False,
        "username": None,
    },
]

CATEGORIES = [
    {
        "slug": "how-ketamine-works",
        "name": "How ketamine works",
        "description": "What ketamine does in the brain and body, explained in plain language.",
    },
    {
        "slug": "treatment-options",
        "name": "Treatment options",
        "description": (
            "IV infusions, esketamine nasal spray and other routes: what each involves, and safety."
        ),
    },
    {
        "slug": "therapy-and-integration",
        "name": "Therapy and integration",
        "description": "How talk therapy and integration work alongside ketamine treatment.",
    },
    {
        "slug": "research-explained",
        "name": "Research explained",
        "description": "What the studies show, what they do not, and how to read the headlines.",
    },
    {
        "slug": "living-with-depression",
        "name": "Living with depression",
        "description": (
            "Honest expectations, coping, and support for patients and the people who love them."
        ),
    },
]

TAGS = [
    {
        "slug": "nmda-glutamate",
        "name": "NMDA and glutamate",
    },
    {
        "slug": "esketamine",
        "name": "Esketamine (Spravato)",
    },
    {
        "slug": "iv-infusion",
        "name": "IV infusion",
    },
    {
        "slug": "oral-sublingual",
        "name": "Oral and sublingual",
    },
    {
        "slug": "side-effects",
        "name": "Side effects",
    },
    {
        "slug": "suicide-prevention",
        "name": "Suicide prevention",
    },
    {
        "slug": "psychotherapy",
        "name": "Psychotherapy",
    },
    {
        "slug": "integration",
        "name": "Integration",
    },
    {
        "slug": "first-visit",
        "name": "Your first visit",
    },
    {
        "slug": "maintenance",
        "name": "Maintenance treatment",
    },
    {
        "slug": "psychedelics",
        "name": "Psychedelics",
    },
]

ARTICLES = [
    {
        "slug": "how-ketamine-works-in-the-brain",
        "title": "How ketamine works in the brain",
        "dek": (
            "A plain-language look at glutamate, NMDA receptors and why ketamine can act faster "
            "than most antidepressants."
        ),
        "author": "dana-whitfield",
        "reviewer": "daniel-okafor",
        "category": "how-ketamine-works",
        "tags": ["nmda-glutamate", "iv-infusion", "esketamine"],
        "state": "published",
        "days_ago": 530,
        "reviewed_days_ago": 45,
        "excerpt": "",
        "key_takeaways": [
            "Ketamine acts mainly on glutamate, not serotonin like most antidepressants.",
            "Animal research suggests it helps brain cells quickly grow new connections.",
            "Some people feel better within a day, but the effect often fades without further care.",
            "Scientists still cannot predict who will respond.",
        ],
        "body": (
            "<p>Most antidepressants, such as sertraline or fluoxetine, change how the brain "
            "handles serotonin and related chemical messengers. They often take four to six weeks "
            "to help, and many people need to try more than one. Ketamine works in a different "
            "way. That difference is a large part of why doctors became interested in it for "
            "depression that has not improved with other treatments.</p>\n<p>This article explains "
            "what researchers think is happening. Much of it is still being studied, so we point "
            "out where the science is fairly settled and where it is not.</p>\n<h2>A different "
            "chemical messenger: glutamate</h2>\n<p>Glutamate is the brain's main <em>go</em> "
            "signal. Nerve cells use it to excite their neighbors, and it plays a large part in "
            "learning and memory. Glutamate acts on several kinds of receptors, which work like "
            "locks on the surface of nerve cells. One of these is the NMDA receptor.</p>\n"
            "<p>Ketamine blocks NMDA receptors. At the doses used in anesthesia, this blocking is "
            "strong enough to cause deep sedation. At the much lower doses used for depression, "
            "people stay awake, though they often feel detached or dreamlike for a short "
            "time.</p>\n<h2>From a blocked receptor to new connections</h2>\n<p>It may seem odd "
            "that blocking a <em>go</em> receptor could lift mood. The leading explanation, based "
            "mostly on animal research, goes in steps:</p>\n<ol>\n<li>Ketamine blocks NMDA "
            "receptors on some calming (inhibitory) nerve cells more than on others. This briefly "
            "lifts the brakes, and a short burst of glutamate activity follows.</li>\n<li>That "
            "burst activates a different glutamate receptor, called the AMPA receptor.</li>\n"
            "<li>This sets off signals inside the cell, including a growth factor called BDNF and "
            "a pathway called mTOR.</li>\n<li>Within hours, nerve cells in the front of the brain "
            "grow new connection points, called synapses. This process is called "
            "synaptogenesis.</li>\n</ol>\n<p>In a well-known study in rats, ketamine quickly "
            "increased the number of these connection points in the prefrontal cortex. When the "
            "researchers blocked the mTOR pathway, both the new connections and the "
            "antidepressant-like effect disappeared [1]. Long-term stress and depression are "
            "linked with a loss of these connections, so one idea is that ketamine helps repair "
            "them, at least for a while.</p>\n<p>Researchers still debate the details. Some "
            "effects may come from substances the body makes when it breaks ketamine down, and "
            "other receptor systems may be involved. What is fairly clear is that the mood effect "
            "outlasts the drug itself: ketamine leaves the body within hours, but in people who "
            "respond, the benefit can last days or longer.</p>\n<h2>What this means in the "
            "clinic</h2>\n<p>The first small placebo-controlled study, published in 2000, gave a "
            "single infusion of 0.5 mg per kilogram of body weight. Depression scores dropped "
            "markedly within three days after ketamine but not after a saline placebo. Only seven "
            "people completed that study [2]. A larger trial in 2006 used the same dose over 40 "
            "minutes in people with treatment-resistant depression. Improvement began within two "
            "hours for many participants, and for about a third it was still there a week later "
            "[3]. Many studies have since confirmed a rapid effect.</p>\n<p>A few practical points "
            "follow from the biology:</p>\n<ul>\n<li><strong>Speed.</strong> Because ketamine does "
            "not rely on slow changes in serotonin systems, some people feel better within a day. "
            "Others improve only after several sessions, and some do not respond.</li>\n"
            "<li><strong>The experience is not the whole story.</strong> The dreamlike feeling "
            "during a session comes from blocking NMDA receptors. Studies disagree about whether a "
            "stronger experience leads to a better result.</li>\n<li><strong>Effects "
            "fade.</strong> New connections seem to need support to last. Without more sessions, "
            "therapy or other treatment, symptoms often return within weeks.</li>\n</ul>\n"
            "<h2>Ketamine and esketamine</h2>\n<p>Ketamine is made of two mirror-image forms of "
            "the same molecule. Esketamine is one of those forms. It is the active ingredient in "
            "Spravato, a nasal spray approved by the U.S. Food and Drug Administration (FDA) for "
            "adults with treatment-resistant depression, and for depressive symptoms in adults "
            "with major depression who have acute suicidal thoughts or behavior. Generic ketamine, "
            "usually given by IV infusion, is FDA-approved as an anesthetic; its use for "
            "depression is off-label. Both act on the NMDA receptor, and an international expert "
            "review concluded that both have good evidence for short-term benefit in "
            "treatment-resistant depression, with open questions about long-term use [4].</p>\n"
            "<h2>What we still don't know</h2>\n<p>We cannot yet predict who will respond. We do "
            "not know the best number of sessions, or the safest way to keep the benefit going "
            "over years. Long-term safety data are limited. These open questions are why ketamine "
            "treatment should come with a careful assessment, regular check-ins, and an honest "
            "plan for what happens next.</p>"
        ),
        "references": [
            {
                "text": (
                    "Li N, Lee B, Liu RJ, et al. mTOR-dependent synapse formation underlies the "
                    "rapid antidepressant effects of NMDA antagonists. Science. "
                    "2010;329(5994):959-964."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/20724638/",
                "doi": "10.1126/science.1190287",
            },
            {
                "text": (
                    "Berman RM, Cappiello A, Anand A, Oren DA, Heninger GR, Charney DS, Krystal "
                    "JH. Antidepressant effects of ketamine in depressed patients. Biol "
                    "Psychiatry. 2000;47(4):351-354."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/10686270/",
                "doi": "10.1016/S0006-3223(99)00230-9",
            },
            {
                "text": (
                    "Zarate CA Jr, Singh JB, Carlson PJ, et al. A randomized trial of an "
                    "N-methyl-D-aspartate antagonist in treatment-resistant major depression. Arch "
                    "Gen Psychiatry. 2006;63(8):856-864."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/16894061/",
                "doi": "10.1001/archpsyc.63.8.856",
            },
            {
                "text": (
                    "McIntyre RS, Rosenblat JD, Nemeroff CB, et al. Synthesizing the evidence for "
                    "ketamine and esketamine in treatment-resistant depression: an international "
                    "expert opinion on the available evidence and implementation. Am J Psychiatry. "
                    "2021;178(5):383-399."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/33726522/",
                "doi": "10.1176/appi.ajp.2020.20081251",
            },
        ],
        "related_conditions": ["treatment-resistant-depression", "major-depressive-disorder"],
        "originally_published_in": None,
        "image": {
            "alt": "Abstract gradient in deep teal fading to soft green, suggesting branching connections.",
            "caption": "Ketamine acts on glutamate, the brain's main excitatory messenger.",
            "colors": ["#0f4c5c", "#8fc9a9"],
        },
    },
    {
        "slug": "iv-and-oral-ketamine-compared",
        "title": "Ketamine infusions and oral ketamine: how they compare",
        "dek": (
            "The same medicine behaves differently depending on how it enters the body. Here is "
            "what that means for you."
        ),
        "author": "daniel-okafor",
        "reviewer": "dana-whitfield",
        "category": "treatment-options",
        "tags": ["iv-infusion", "oral-sublingual", "maintenance"],
        "state": "published",
        "days_ago": 455,
        "reviewed_days_ago": 455,
        "excerpt": (
            "IV infusions and oral or sublingual ketamine are not interchangeable. Absorption, "
            "monitoring and the strength of the evidence all differ, and each has a place in care."
        ),
        "key_takeaways": [
            (
                "With an IV infusion, all of the dose reaches the blood; by mouth, only about a "
                "fifth to a third does."
            ),
            "IV ketamine has far more research behind it than oral or sublingual ketamine.",
            "Oral and sublingual forms are mostly used to help maintain improvement.",
            "Every form of generic ketamine is off-label for depression.",
        ],
        "body": (
            "<p>Ketamine can be given in several ways: into a vein (IV), as a nasal spray, as an "
            "injection into a muscle, or by mouth as a tablet, a liquid or a lozenge that "
            "dissolves under the tongue or against the cheek (a troche). People often ask whether "
            "a lozenge at home could replace clinic infusions. The short answer is that they are "
            "not interchangeable, and each has a place.</p>\n<h2>Why the route matters: "
            "bioavailability</h2>\n<p><em>Bioavailability</em> means how much of a dose actually "
            "reaches the bloodstream. With an IV infusion, all of it does, and the clinician "
            "controls exactly how fast. When ketamine is swallowed, the liver breaks down much of "
            "it before it reaches the rest of the body. In small studies of healthy volunteers, "
            "only about 20% of a swallowed tablet and roughly 30% of a dose held under the tongue "
            "reached the blood [1][2]. Absorption also varies from person to person, and even from "
            "day to day, depending on how long a lozenge is held and how much is "
            "swallowed.</p>\n<p>The liver turns ketamine into norketamine, which is also active. "
            "Because of this first pass through the liver, swallowed doses produce relatively more "
            "norketamine than IV doses. What this means for mood is not yet known.</p>\n<h2>IV "
            "infusions</h2>\n<p>IV ketamine is the most studied way to use ketamine for "
            "depression. In most research, and in many clinics, the dose is 0.5 mg per kilogram of "
            "body weight, given over about 40 minutes. A nurse checks your blood pressure, heart "
            "rate and oxygen level, and watches for strong dissociation, which means feeling "
            "detached from your body or surroundings. If the experience becomes too much, the "
            "infusion can be slowed or stopped, and the effects usually ease within "
            "minutes.</p>\n<p>A common plan is a series of six infusions over two to three weeks. "
            "In one trial of people with treatment-resistant depression, 59% responded after six "
            "infusions given over two weeks, with a median of three infusions before the response "
            "appeared [3]. A response means symptoms dropped by at least half. Those who responded "
            "then had weekly infusions, which kept their improvement steady during the "
            "study.</p>\n<h2>Oral and sublingual ketamine</h2>\n<p>Oral and sublingual ketamine "
            "are usually made by a compounding pharmacy. Compounded products are not FDA-approved, "
            "so the FDA has not reviewed their safety, effectiveness or quality [6]. They are used "
            "in some clinics and in supervised telehealth programs, often to maintain improvement "
            "after an IV series, or when IV treatment is not practical. Effects during a session "
            "are usually milder and come on more slowly.</p>\n<p>The research base is smaller. A "
            "small placebo-controlled trial found that oral ketamine taken three times a week for "
            "three weeks reduced depression more than placebo in outpatients with resistant "
            "depression [4]. Most other evidence comes from case series and clinic records without "
            "a comparison group. Doses used in practice vary widely, in part because absorption is "
            "hard to predict, and an expert review concluded that oral ketamine for depression "
            "should still be considered experimental [5].</p>\n<p>Taking ketamine at home brings "
            "its own risks. In 2023 the FDA warned that using compounded ketamine at home adds "
            "risk because no health care provider is there to watch for sedation, dissociation and "
            "changes in blood pressure, and it named slowed breathing among the known safety "
            "concerns [6]. A supply of ketamine at home can also be misused or taken by someone "
            "else. Responsible programs screen carefully, dispense small amounts, ask for a "
            "trusted adult to be present, check in often, and explain when to get emergency help: "
            "anyone who is very hard to wake, breathing slowly or with difficulty, or who has "
            "chest pain, a sudden severe headache or a seizure after a dose needs a 911 call, not "
            "a message to the clinic.</p>\n<h2>Side by "
            "side</h2>\n<table>\n<thead>\n<tr><th>Feature</th><th>IV infusion</th><th>Sublingual "
            "or oral</th></tr>\n</thead>\n<tbody>\n<tr><td>How much reaches the blood</td><td>All "
            "of the dose</td><td>About 20 to 30%, and it varies</td></tr>\n<tr><td>Where it is "
            "given</td><td>Clinic, with monitoring</td><td>Clinic, or a supervised home "
            "program</td></tr>\n<tr><td>Control during a session</td><td>Can be slowed or "
            "stopped</td><td>Cannot be taken back once absorbed</td></tr>\n<tr><td>Evidence for "
            "depression</td><td>Many controlled trials</td><td>A few small trials and case "
            "series</td></tr>\n<tr><td>Common use</td><td>Starting treatment; booster "
            "sessions</td><td>Maintenance; when IV is not practical</td></tr>\n<tr><td>FDA status "
            "for "
            "depression</td><td>Off-label</td><td>Off-label</td></tr>\n</tbody>\n</table>\n<h2>Whic"
            "h is right for you?</h2>\n<p>For most people starting treatment for depression that "
            "has not responded to other options, we begin with IV infusions or esketamine nasal "
            "spray, because they have the strongest evidence and the closest monitoring. Oral or "
            "sublingual ketamine may make sense later, to help keep the gains. The esketamine "
            "nasal spray (Spravato) is the only FDA-approved ketamine-based medicine for "
            "depression; it has its own schedule and safety rules, which we cover on our <a "
            "href='/treatments/'>treatments page</a>. Whatever the route, ketamine works best as "
            "one part of a wider plan with your regular psychiatric care and, for many people, "
            "therapy.</p>"
        ),
        "references": [
            {
                "text": (
                    "Yanagihara Y, et al. Plasma concentration profiles of ketamine and "
                    "norketamine after administration of various ketamine preparations to healthy "
                    "Japanese volunteers. Biopharm Drug Dispos. 2003;24(1):37-43."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/12516077/",
                "doi": "10.1002/bdd.336",
            },
            {
                "text": (
                    "Rolan P, Lim S, Sunderland V, Liu Y, Molnar V. The absolute bioavailability "
                    "of racemic ketamine from a novel sublingual formulation. Br J Clin Pharmacol. "
                    "2014;77(6):1011-1016."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/24977293/",
                "doi": "10.1111/bcp.12264",
            },
            {
                "text": (
                    "Phillips JL, Norris S, Talbot J, et al. Single, repeated, and maintenance "
                    "ketamine infusions for treatment-resistant depression: a randomized "
                    "controlled trial. Am J Psychiatry. 2019;176(5):401-409."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/30922101/",
                "doi": "10.1176/appi.ajp.2018.18070834",
            },
            {
                "text": (
                    "Domany Y, Bleich-Cohen M, Tarrasch R, et al. Repeated oral ketamine for "
                    "out-patient treatment of resistant depression: randomised, double-blind, "
                    "placebo-controlled, proof-of-concept study. Br J Psychiatry. "
                    "2019;214(1):20-26."
                ),
                "url": (
                    "https://www.cambridge.org/core/journals/the-british-journal-of-psychiatry/"
                    "article/repeated-oral-ketamine-for-outpatient-treatment-of-resistant-"
                    "depression-randomised-doubleblind-placebocontrolled-proofofconcept-study/"
                    "76898B0B3980372F9EE79043F55A08FD"
                ),
                "doi": "",
            },
            {
                "text": (
                    "Andrade C. Oral ketamine for depression, 2: practical considerations. J Clin "
                    "Psychiatry. 2019."
                ),
                "url": (
                    "https://www.psychiatrist.com/jcp/depression/oral-ketamine-for-depression-"
                    "practical-considerations/"
                ),
                "doi": "",
            },
            {
                "text": (
                    "U.S. Food and Drug Administration. FDA warns patients and health care providers "
                    "about potential risks associated with compounded ketamine products, including "
                    "oral formulations, for the treatment of psychiatric disorders. October 10, 2023."
                ),
                "url": (
                    "https://www.fda.gov/drugs/human-drug-compounding/fda-warns-patients-and-health-"
                    "care-providers-about-potential-risks-associated-compounded-ketamine"
                ),
                "doi": "",
            },
        ],
        "related_conditions": ["treatment-resistant-depression", "major-depressive-disorder"],
        "originally_published_in": None,
        "image": {
            "alt": "Soft gradient from warm sand to muted blue, split by a gentle diagonal.",
            "caption": "How ketamine enters the body changes how much of it reaches the blood.",
            "colors": ["#e9c46a", "#577590"],
        },
    },
    {
        "slug": "is-ketamine-a-psychedelic",
        "title": "Is ketamine a psychedelic?",
        "dek": (
            "Ketamine is often grouped with psilocybin and LSD, but it belongs to a different "
            "family of drugs."
        ),
        "author": "maya-lindqvist",
        "reviewer": "dana-whitfield",
        "category": "how-ketamine-works",
        "tags": ["psychedelics", "nmda-glutamate", "psychotherapy"],
        "state": "published",
        "days_ago": 380,
        "reviewed_days_ago": 380,
        "excerpt": "",
        "key_takeaways": [
            (
                "Classic psychedelics act on a serotonin receptor; ketamine mainly blocks the NMDA "
                "glutamate receptor."
            ),
            "Ketamine is a dissociative anesthetic that can have psychedelic-like effects at low doses.",
            (
                "A ketamine session's effects usually fade within an hour or two, much sooner than "
                "psilocybin or LSD."
            ),
        ],
        "body": (
            "<p>Ketamine is often mentioned alongside psilocybin (the active ingredient in "
            "so-called magic mushrooms) and LSD in news stories about psychedelic medicine. The "
            "comparison is understandable, but it is not quite accurate, and the difference "
            "matters for what you can expect from treatment.</p>\n<h2>What psychedelic usually "
            "means</h2>\n<p>Scientists use the term <em>classic psychedelics</em> for a group of "
            "drugs that includes psilocybin, LSD, DMT and mescaline. They share one main target in "
            "the brain: a serotonin receptor called 5-HT2A [1]. Activating it changes perception, "
            "emotion and the sense of self for several hours. Psilocybin is being studied for "
            "depression, but it is not FDA-approved for any use.</p>\n<h2>Where ketamine "
            "fits</h2>\n<p>Ketamine belongs to a different family, the dissociative anesthetics. "
            "It was developed in the 1960s and approved in the United States as an anesthetic in "
            "1970. Rather than the serotonin receptor, it mainly blocks the NMDA receptor, which "
            "responds to the chemical messenger glutamate.</p>\n<p>At low doses, ketamine can "
            "still cause effects that feel psychedelic. Colors or sounds may seem different, time "
            "may stretch, and you may feel separate from your body or your surroundings. This is "
            "called dissociation. It is usually short-lived: in a large trial of repeated IV "
            "ketamine infusions, dissociative effects had returned to baseline within about two "
            "hours [2]. Psilocybin effects last several hours, and LSD effects often last "
            "longer.</p>\n<h2>Why the difference matters</h2>\n<ul>\n<li><strong>Length of a "
            "session.</strong> A ketamine infusion visit, including recovery, usually takes about "
            "two hours. With esketamine nasal spray, you stay for at least two "
            "hours.</li>\n<li><strong>Legal status.</strong> Ketamine is a prescription medicine "
            "and a Schedule III controlled substance that doctors may use off-label. Classic "
            "psychedelics remain Schedule I under federal law, available mainly through "
            "research.</li>\n<li><strong>How it feels.</strong> Many people describe ketamine as "
            "dreamy, floaty or detached, rather than intensely emotional. Experiences vary a great "
            "deal, and some people find them uncomfortable.</li>\n<li><strong>The role of "
            "therapy.</strong> Research on psilocybin for depression has paired the drug with "
            "preparation and psychological support. Ketamine has been studied both ways: as a "
            "medical treatment on its own, and alongside "
            "psychotherapy.</li>\n<li><strong>Misuse.</strong> Ketamine can be misused, and "
            "frequent use can lead to tolerance and dependence. This is one reason it is given "
            "under supervision, in measured doses. Classic psychedelics are generally thought to "
            "carry a lower risk of dependence, but they have risks of their "
            "own.</li>\n</ul>\n<h2>Dose and setting shape the experience</h2>\n<p>Some practices "
            "that combine ketamine with psychotherapy use its psychedelic-like qualities on "
            "purpose. They often use lozenges or injections into a muscle, with a therapist "
            "present, and report improvements in depression and anxiety, though their reports do "
            "not include comparison groups [3]. Medical-model clinics treat the same effects as "
            "side effects to keep comfortable and brief. Both approaches are used in practice, and "
            "there is not yet good evidence that one gives better long-term "
            "results.</p>\n<p>Whichever approach a clinic takes, it should explain what you might "
            "feel before your first session, check on you throughout, and let you ask for a pause "
            "or a lower dose. If you have had frightening experiences with drugs in the past, or "
            "you dissociate when stressed, say so at your assessment. It helps your care team plan "
            "a session that feels safer for you.</p>"
        ),
        "references": [
            {
                "text": "Nichols DE. Psychedelics. Pharmacol Rev. 2016;68(2):264-355.",
                "url": "https://doi.org/10.1124/pr.115.011478",
                "doi": "10.1124/pr.115.011478",
            },
            {
                "text": (
                    "Abdallah CG, Roache JD, Gueorguieva R, et al. Dose-related effects of ketamine "
                    "for antidepressant-resistant symptoms of posttraumatic stress disorder in "
                    "veterans and active duty military: a double-blind, randomized, "
                    "placebo-controlled multi-center clinical trial. Neuropsychopharmacology. "
                    "2022;47(8):1574-1581."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/35046508/",
                "doi": "10.1038/s41386-022-01266-9",
            },
            {
                "text": (
                    "Dore J, Turnipseed B, Dwyer S, et al. Ketamine assisted psychotherapy (KAP): "
                    "patient demographics, clinical data and outcomes in three large practices "
                    "administering ketamine with psychotherapy. J Psychoactive Drugs. "
                    "2019;51(2):189-198."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/30917760/",
                "doi": "10.1080/02791072.2019.1587556",
            },
        ],
        "related_conditions": ["treatment-resistant-depression", "ptsd"],
        "originally_published_in": None,
        "image": {
            "alt": "Gradient of dusky violet into pale peach, with no distinct shapes.",
            "caption": "Ketamine is a dissociative anesthetic, not a classic psychedelic.",
            "colors": ["#5e548e", "#f4c7ab"],
        },
    },
    {
        "slug": "internal-family-systems-and-ketamine",
        "title": "Internal Family Systems therapy alongside ketamine",
        "dek": (
            "A therapist explains the idea of inner parts, how it can complement ketamine "
            "sessions, and what the research does and does not show."
        ),
        "author": "ruth-abernathy",
        "reviewer": "dana-whitfield",
        "category": "therapy-and-integration",
        "tags": ["psychotherapy", "integration"],
        "state": "published",
        "days_ago": 310,
        "reviewed_days_ago": 310,
        "excerpt": (
            "Internal Family Systems sees the mind as a group of parts, each trying to help. Some "
            "people find it a gentle way to work with what comes up around ketamine sessions, "
            "though research on the combination is still missing."
        ),
        "key_takeaways": [],
        "body": (
            "<p>Internal Family Systems, or IFS, is a form of talk therapy developed in the 1980s "
            "by the family therapist Richard Schwartz. Some people who come to our clinic ask "
            "whether it can be combined with ketamine. In this article I explain the basic ideas, "
            "how we use them, and how much research there is.</p>\n<h2>The idea of parts</h2>\n"
            "<p>Most of us know the feeling of being of two minds: part of me wants to go to the "
            "party, part of me wants to stay home. IFS takes this everyday language seriously. It "
            "suggests that the mind is made up of many <em>parts</em>, each with its own feelings "
            "and goals, and each trying, in its own way, to help.</p>\n<ul>\n"
            "<li><strong>Protective parts</strong> try to keep us safe. Some plan, criticize or "
            "push us to work harder. Others step in when pain breaks through, for example by "
            "numbing out, overeating or drinking.</li>\n<li><strong>Wounded parts</strong> carry "
            "hurt, fear or shame, often from earlier in life. Protective parts work hard to keep "
            "these feelings out of awareness.</li>\n<li><strong>The Self</strong> is the term IFS "
            "uses for a calm, curious and caring core that everyone is thought to have, even when "
            "it is hard to reach.</li>\n</ul>\n<p>In IFS therapy, the therapist helps you get to "
            "know your parts from this steadier place, rather than fighting them. The aim is for "
            "protective parts to relax and for hurt parts to be heard, so that they no longer "
            "drive your behavior.</p>\n<h2>Why some people pair IFS with ketamine</h2>\n<p>During "
            "and shortly after a ketamine session, many people feel less tightly bound to their "
            "usual thoughts. Some describe watching their worries from a distance. For someone "
            "whose inner critic is loud, or whose painful memories feel overwhelming, this "
            "short-lived distance can make it easier to approach hard feelings with curiosity "
            "instead of dread. IFS offers a gentle, non-judging language for whatever comes "
            "up.</p>\n<p>In practice, we rarely do deep therapy work during the peak of an IV "
            "infusion. Most IFS work happens in sessions before and after treatment days, when you "
            "can think clearly and remember what was said. Some practices hold therapy sessions "
            "during lower-dose ketamine experiences instead, often with lozenges or injections "
            "[1].</p>\n<h2>What the evidence says</h2>\n<p>IFS has been studied far less than "
            "therapies such as cognitive behavioral therapy (CBT). One randomized trial in people "
            "with rheumatoid arthritis found improvements in pain and depressive symptoms with an "
            "IFS-based program compared with education alone. It was small, and it was not a trial "
            "of depression treatment [2]. There are no published controlled trials of IFS combined "
            "with ketamine.</p>\n<p>There is some early evidence that therapy after ketamine can "
            "help the benefit last. In a small randomized trial, people who responded to a course "
            "of ketamine infusions and then had CBT kept more of their improvement on a "
            "self-report depression scale than people who had usual care [3]. This suggests "
            "therapy alongside ketamine is worth pursuing; it does not tell us which kind of "
            "therapy works best.</p>\n<h2>Is it right for you?</h2>\n<p>IFS may suit you if you "
            "often feel pulled in different directions inside, or if you want a therapy that is "
            "curious rather than confrontational. It is not a replacement for medical care. If you "
            "live with a dissociative disorder, work with a therapist trained in that area before "
            "trying any approach that focuses on inner parts. And if you already have a therapist "
            "you trust, we are glad to work with them, whatever their method.</p>"
        ),
        "references": [
            {
                "text": (
                    "Dore J, Turnipseed B, Dwyer S, et al. Ketamine assisted psychotherapy (KAP): "
                    "patient demographics, clinical data and outcomes in three large practices "
                    "administering ketamine with psychotherapy. J Psychoactive Drugs. "
                    "2019;51(2):189-198."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/30917760/",
                "doi": "10.1080/02791072.2019.1587556",
            },
            {
                "text": (
                    "Shadick NA, Sowell NF, Frits ML, et al. A randomized controlled trial of an "
                    "internal family systems-based psychotherapeutic intervention on outcomes in "
                    "rheumatoid arthritis: a proof-of-concept study. J Rheumatol. "
                    "2013;40(11):1831-1841."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/23950186/",
                "doi": "10.3899/jrheum.121465",
            },
            {
                "text": (
                    "Wilkinson ST, Rhee TG, Joormann J, et al. Cognitive behavioral therapy to "
                    "sustain the antidepressant effects of ketamine in treatment-resistant "
                    "depression: a randomized clinical trial. Psychother Psychosom. "
                    "2021;90(5):318."
                ),
                "url": "https://doi.org/10.1159/000517074",
                "doi": "10.1159/000517074",
            },
        ],
        "related_conditions": ["treatment-resistant-depression", "ptsd", "complex-ptsd"],
        "originally_published_in": None,
        "image": {
            "alt": "Layered gradient of warm amber and rose tones blending softly together.",
            "caption": "IFS describes the mind as a family of parts, each trying to help.",
            "colors": ["#f4a261", "#c97b84"],
        },
    },
    {
        "slug": "does-ketamine-cure-depression",
        "title": "Does ketamine cure depression?",
        "dek": (
            "Ketamine can work quickly, but it is a treatment, not a cure, and it does not help everyone."
        ),
        "author": "dana-whitfield",
        "reviewer": "daniel-okafor",
        "category": "living-with-depression",
        "tags": ["maintenance", "iv-infusion", "esketamine"],
        "state": "published",
        "days_ago": 240,
        "reviewed_days_ago": 120,
        "excerpt": (
            "Ketamine can ease depression within hours, and for some people the change is "
            "dramatic. But it does not work for everyone, and the benefit usually needs ongoing "
            "care to last."
        ),
        "key_takeaways": [
            "Ketamine is a treatment, not a cure; many people relapse without ongoing care.",
            (
                "In one trial (Phillips et al., 2019), 59% of people with resistant depression "
                "responded to six infusions over two weeks; the rest did not."
            ),
            "Continuing treatment after a good response lowers the chance of relapse.",
            "The weeks after a response are a good time to build therapy and healthy routines.",
        ],
        "body": (
            "<p>When people hear that ketamine can ease depression within hours, a natural hope "
            "follows: maybe this is the cure. I understand that hope, and I have seen ketamine "
            "change the course of illness for some of my patients. But the honest answer is no. "
            "Ketamine is a treatment, not a cure, and it does not help everyone.</p>\n<h2>What "
            "works means in studies</h2>\n<p>Depression research uses two main yardsticks. A "
            "<strong>response</strong> means symptoms dropped by at least half on a rating scale. "
            "<strong>Remission</strong> means symptoms fell to a low level, close to feeling well. "
            "Someone can respond and still be struggling.</p>\n<p>In a two-site trial of people "
            "with treatment-resistant depression, 64% responded 24 hours after a single ketamine "
            "infusion, compared with 28% after an active placebo [1]. With repeated infusions, "
            "results often build: in another trial, 59% responded after six infusions over two "
            "weeks [2]. Put the other way, about four in ten did not respond.</p>\n<h2>How long "
            "does it last?</h2>\n<p>For most people, the benefit of a single infusion fades within "
            "days to a couple of weeks. A series of sessions often lasts longer, but symptoms "
            "commonly return over the following weeks or months if nothing else changes.</p>\n"
            "<p>Continued treatment can help. In a large esketamine study, people who had done "
            "well were randomly assigned either to keep using esketamine nasal spray with their "
            "antidepressant, or to switch to a placebo spray with their antidepressant. Among "
            "those in stable remission, 27% of the esketamine group relapsed during the study, "
            "compared with 45% of the placebo group [3].</p>\n<p>So for many people, ketamine is "
            "less like a one-time cure and more like other long-term treatments for a long-term "
            "illness. It works best with a plan to keep the gains.</p>\n<h2>Who tends to "
            "benefit</h2>\n<p>We cannot yet predict well who will respond. Ketamine is most often "
            "considered for:</p>\n<ul>\n<li>depression that has not improved after at least two "
            "adequate antidepressant trials;</li>\n<li>severe symptoms, where waiting weeks for a "
            "new medicine to work carries real risk;</li>\n<li>depressive episodes of bipolar "
            "disorder, alongside a mood stabilizer and under close psychiatric care.</li>\n</ul>\n"
            "<p>It is not a good fit for everyone. People with a history of psychosis, "
            "uncontrolled blood pressure or certain heart and blood vessel problems are usually "
            "not candidates. An American Psychiatric Association task force advised careful "
            "screening, monitoring and follow-up, in part because long-term data are limited "
            "[4].</p>\n<h2>Building on the window</h2>\n<p>Many patients describe the weeks after "
            "a good response as a window: sleep improves, energy returns, and hopelessness loosens "
            "its grip. That is the time to build the things that help recovery last. These include "
            "therapy, steady sleep and activity, reconnecting with people, getting help for any "
            "alcohol or drug problems, and keeping up other treatments. Ketamine can open a door. "
            "Walking through it still takes work, and it is work you do not have to do alone.</p>\n"
            "<h2>Where this leaves us</h2>\n<p>Ketamine is a meaningful addition to depression "
            "care, because it works differently and can work quickly. It is not a "
            "cure, it does not help everyone, and its effects usually need support to last. If you "
            "are considering it, ask any clinic what happens if you do not respond, what "
            "maintenance looks like, and how they will work with your other care.</p>"
        ),
        "references": [
            {
                "text": (
                    "Murrough JW, Iosifescu DV, Chang LC, et al. Antidepressant efficacy of "
                    "ketamine in treatment-resistant major depression: a two-site randomized "
                    "controlled trial. Am J Psychiatry. 2013;170(10):1134-1142."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/23982301/",
                "doi": "10.1176/appi.ajp.2013.13030392",
            },
            {
                "text": (
                    "Phillips JL, Norris S, Talbot J, et al. Single, repeated, and maintenance "
                    "ketamine infusions for treatment-resistant depression: a randomized "
                    "controlled trial. Am J Psychiatry. 2019;176(5):401-409."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/30922101/",
                "doi": "10.1176/appi.ajp.2018.18070834",
            },
            {
                "text": (
                    "Daly EJ, Trivedi MH, Janik A, et al. Efficacy of esketamine nasal spray plus "
                    "oral antidepressant treatment for relapse prevention in patients with "
                    "treatment-resistant depression: a randomized clinical trial. JAMA Psychiatry. "
                    "2019;76(9):893-903."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/31166571/",
                "doi": "10.1001/jamapsychiatry.2019.1189",
            },
            {
                "text": (
                    "Sanacora G, Frye MA, McDonald W, et al. A consensus statement on the use of "
                    "ketamine in the treatment of mood disorders. JAMA Psychiatry. "
                    "2017;74(4):399-405."
                ),
                "url": "https://jamanetwork.com/journals/jamapsychiatry/fullarticle/2605202",
                "doi": "10.1001/jamapsychiatry.2016.4671",
            },
        ],
        "related_conditions": [
            "treatment-resistant-depression",
            "major-depressive-disorder",
            "bipolar-depression",
        ],
        "originally_published_in": {
            "name": "Psychology Today",
            "url": "https://www.psychologytoday.com/",
        },
        "image": {
            "alt": "Calm gradient from slate gray at the bottom to a pale morning yellow at the top.",
            "caption": "For many people, ketamine opens a window that ongoing care helps keep open.",
            "colors": ["#6c757d", "#f6e7a1"],
        },
    },
    {
        "slug": "medical-and-therapy-approaches-to-ketamine",
        "title": "Medical and therapy-based approaches to ketamine",
        "dek": (
            "Some clinics treat ketamine like any other medicine; others build therapy around the "
            "experience. Here is how they differ."
        ),
        "author": "dana-whitfield",
        "reviewer": "daniel-okafor",
        "category": "therapy-and-integration",
        "tags": ["psychotherapy", "psychedelics", "integration"],
        "state": "published",
        "days_ago": 170,
        "reviewed_days_ago": 170,
        "excerpt": "",
        "key_takeaways": [
            (
                "The medical model uses ketamine like other psychiatric medicines, with monitoring "
                "and rating scales."
            ),
            "Ketamine-assisted psychotherapy treats the session itself as part of therapy.",
            "Neither approach has yet been shown to give better long-term results than the other.",
        ],
        "body": (
            "<p>Ketamine clinics are not all alike. Some treat ketamine much like any other "
            "psychiatric medicine. Others build a whole therapy process around the experience of a "
            "session. Whichever style a clinic follows, generic ketamine is off-label for mental "
            "health conditions, and the strongest evidence is for depression that has not "
            "responded to other treatment. Knowing how the two styles differ can help you choose a "
            "clinic that fits you.</p>\n<h2>The medical model</h2>\n<p>In the medical model, "
            "ketamine is treated like other psychiatric medicines. The goal is relief of symptoms, "
            "tracked with standard rating scales. Sessions usually use IV ketamine at about 0.5 mg "
            "per kilogram over 40 minutes, or FDA-approved esketamine nasal spray. Staff keep the "
            "room calm and monitor blood pressure, heart rate and breathing. The dissociative "
            "effects are seen as side effects to manage, not as the point. Talk therapy may be "
            "part of your wider care, but it is not built into the session.</p>\n<p>This approach "
            "is the one most studied in controlled trials, and it follows the guidance of the "
            "American Psychiatric Association's task force on ketamine [1]. The esketamine trials "
            "that led to FDA approval also used this model, adding the nasal spray to a newly "
            "started oral antidepressant [2].</p>\n<h2>The psychedelic-assisted therapy "
            "model</h2>\n<p>In ketamine-assisted psychotherapy, often called KAP, a therapist is "
            "present during the session or soon after. The experience itself is treated as "
            "meaningful. Preparation sessions come first, music or an eye mask may be used, and "
            "later integration sessions help you make sense of what came up. Doses and routes "
            "vary, and many practices use lozenges or injections into a muscle [3].</p>\n"
            "<p>Supporters argue that the altered state can loosen rigid patterns of thought and "
            "make therapy more productive. Reports from practices using this model describe "
            "improvements in depression and anxiety, but they lack comparison groups, so it is "
            "hard to know how much is due to the ketamine, the therapy, or other factors [3].</p>\n"
            "<h2>Finding middle ground</h2>\n<p>The two models are not opposites. Many clinics, "
            "including ours, combine medical safety and measurement with psychological support. "
            "There is early evidence that therapy can help the benefit of ketamine last longer. In "
            "one small randomized trial, people who responded to ketamine infusions and then "
            "received cognitive behavioral therapy kept more of their improvement on a self-report "
            "depression scale than those who had usual care; on the clinician-rated main measure, "
            "the difference was not statistically significant [4].</p>\n<p>At our clinic, every patient has a prescriber who is "
            "responsible for medical safety, and we track symptoms with the same rating scales "
            "used in research. Therapy is offered and encouraged, but it is not required, and we "
            "are happy to work with a therapist you already see. Some patients want a quiet, "
            "medical session and do their reflecting later; others want to talk through the "
            "experience soon after. Both are fine.</p>\n<h2>Questions to ask a clinic</h2>\n<ul>\n"
            "<li>Who assesses me, and is a psychiatrist or other qualified prescriber "
            "involved?</li>\n<li>How are blood pressure, breathing and dissociation "
            "monitored?</li>\n<li>Is therapy included, optional, or done with my own "
            "therapist?</li>\n<li>How will you measure whether it is working, and what happens if "
            "it is not?</li>\n<li>What does maintenance look like, and how do you keep long-term "
            "exposure as low as possible?</li>\n</ul>\n<p>Good care can come from either model. "
            "What matters most is careful screening, honest expectations, and a plan that fits "
            "your needs and your life.</p>"
        ),
        "references": [
            {
                "text": (
                    "Sanacora G, Frye MA, McDonald W, et al. A consensus statement on the use of "
                    "ketamine in the treatment of mood disorders. JAMA Psychiatry. "
                    "2017;74(4):399-405."
                ),
                "url": "https://jamanetwork.com/journals/jamapsychiatry/fullarticle/2605202",
                "doi": "10.1001/jamapsychiatry.2016.4671",
            },
            {
                "text": (
                    "Popova V, Daly EJ, Trivedi M, et al. Efficacy and safety of flexibly dosed "
                    "esketamine nasal spray combined with a newly initiated oral antidepressant in "
                    "treatment-resistant depression: a randomized double-blind active-controlled "
                    "study. Am J Psychiatry. 2019;176(6):428-438."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/31109201/",
                "doi": "10.1176/appi.ajp.2019.19020172",
            },
            {
                "text": (
                    "Dore J, Turnipseed B, Dwyer S, et al. Ketamine assisted psychotherapy (KAP): "
                    "patient demographics, clinical data and outcomes in three large practices "
                    "administering ketamine with psychotherapy. J Psychoactive Drugs. "
                    "2019;51(2):189-198."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/30917760/",
                "doi": "10.1080/02791072.2019.1587556",
            },
            {
                "text": (
                    "Wilkinson ST, Rhee TG, Joormann J, et al. Cognitive behavioral therapy to "
                    "sustain the antidepressant effects of ketamine in treatment-resistant "
                    "depression: a randomized clinical trial. Psychother Psychosom. "
                    "2021;90(5):318."
                ),
                "url": "https://doi.org/10.1159/000517074",
                "doi": "10.1159/000517074",
            },
        ],
        "related_conditions": [
            "treatment-resistant-depression",
            "anxiety-with-depression",
            "ptsd",
            "substance-use-disorders",
        ],
        "originally_published_in": {
            "name": "Psychology Today",
            "url": "https://www.psychologytoday.com/",
        },
        "image": {
            "alt": (
                "Two soft color fields, cool blue and warm terracotta, meeting in a blurred middle band."
            ),
            "caption": "Medical and therapy-based approaches to ketamine often meet in the middle.",
            "colors": ["#4a6fa5", "#d08c60"],
        },
    },
    {
        "slug": "ketamine-safety-and-side-effects",
        "title": "Ketamine safety and side effects: what to know",
        "dek": (
            "Most side effects are short-lived, but some risks need screening and monitoring. Here "
            "is an honest overview."
        ),
        "author": "daniel-okafor",
        "reviewer": "dana-whitfield",
        "category": "treatment-options",
        "tags": ["side-effects", "iv-infusion", "esketamine"],
        "state": "published",
        "days_ago": 95,
        "reviewed_days_ago": 20,
        "excerpt": "",
        "key_takeaways": [
            (
                "Dissociation, dizziness, nausea and a rise in blood pressure are common and "
                "usually short-lived."
            ),
            "You must not drive until the next day after a night's sleep.",
            (
                "Bladder damage is linked mainly to heavy, frequent misuse, but we still ask about "
                "urinary symptoms."
            ),
            "Some conditions, such as psychosis or uncontrolled high blood pressure, rule treatment out.",
        ],
        "body": (
            "<p>Ketamine has been used in anesthesia for more than 50 years, and at the lower "
            "doses used for depression it is generally well tolerated in clinical settings. But "
            "well tolerated is not the same as risk-free. This article covers the side effects you "
            "are most likely to notice, the rarer risks we watch for, and who should not have "
            "ketamine.</p>\n<h2>Common effects during a session</h2>\n<p>A systematic review of 60 "
            "studies found that side effects around the time of a dose were reported more often "
            "with ketamine than with placebo, and that the safety of repeated and long-term use "
            "had been studied far less [1]. The effects you are most likely to notice "
            "are:</p>\n<ul>\n<li><strong>Dissociation:</strong> feeling detached, dreamlike, or as "
            "if things are not quite real. It usually fades within an hour or "
            "two.</li>\n<li><strong>Higher blood pressure and heart rate:</strong> with "
            "esketamine, blood pressure rises most at about 40 minutes after the dose and settles "
            "over about four hours [2].</li>\n<li><strong>Dizziness, blurred vision and "
            "headache.</strong></li>\n<li><strong>Nausea</strong>, and sometimes "
            "vomiting.</li>\n<li><strong>Sleepiness.</strong> This is common. Rarely, someone "
            "becomes very hard to wake, and the esketamine label warns that breathing can slow, a "
            "risk that is higher with other sedating medicines. This is one reason you are watched "
            "closely after every dose [2].</li>\n<li><strong>Anxiety</strong> during the "
            "experience, which usually eases with reassurance.</li>\n</ul>\n<h2>After you "
            "leave</h2>\n<p>Your reactions and judgment can be affected for the rest of the day, "
            "even if you feel fine. Do not drive, operate machinery or make important decisions "
            "until the next day, after a night's sleep [2]. Avoid alcohol and other sedating drugs "
            "that day unless your prescriber has told you otherwise.</p>\n<h2>Medicines and "
            "substances that interact</h2>\n<p>Tell us about every medicine, supplement and "
            "recreational drug you use, because some change how safe a session "
            "is:</p>\n<ul>\n<li><strong>Opioids, benzodiazepines, sleeping pills, alcohol and "
            "other sedatives</strong> add to ketamine's sleepiness. Taken together, they can cause "
            "deep sedation and slowed breathing [2][3].</li>\n<li><strong>Stimulants</strong>, "
            "such as amphetamines, methylphenidate and modafinil, can raise blood pressure further "
            "[2][3].</li>\n<li><strong>MAOI antidepressants</strong>, such as phenelzine or "
            "tranylcypromine, can also raise blood pressure; the esketamine label asks for close "
            "blood pressure checks when they are used together [2].</li>\n<li><strong>Theophylline "
            "or aminophylline</strong>, used for some lung conditions, may make seizures more "
            "likely when given with ketamine, and its label advises against combining them "
            "[3].</li>\n</ul>\n<p>Do not stop or change a medicine on your own; we will plan any "
            "change with you and your other prescribers.</p>\n<h2>When to get emergency "
            "help</h2>\n<p>After you leave, call 911 if you or the person with you notice chest "
            "pain, a sudden severe headache, trouble breathing, fainting, confusion or being very "
            "hard to wake, a seizure, or sudden weakness or trouble speaking. For symptoms that "
            "are not urgent, such as lingering nausea or new urinary symptoms, call the "
            "clinic.</p>\n<h2>Longer-term risks</h2>\n<h3>Bladder problems</h3>\n<p>People who use "
            "large amounts of ketamine recreationally, often every day, can develop severe bladder "
            "inflammation, sometimes called ketamine cystitis. Symptoms include pain, needing to "
            "pass urine very often and urgently, and blood in the urine. In esketamine trials "
            "lasting up to a year, urinary symptoms were somewhat more common than with placebo, "
            "but no cases of esketamine-related interstitial cystitis were seen [2]. We still ask "
            "about urinary symptoms at follow-up visits. Tell us right away if you notice "
            "any.</p>\n<h3>Misuse and dependence</h3>\n<p>Ketamine can be misused, and tolerance "
            "can build with frequent use. Because of the risks of sedation, dissociation, slowed "
            "breathing and misuse, esketamine is only available through a restricted safety "
            "program (REMS) [2]. We screen for current alcohol and drug problems, keep treatment "
            "in the clinic where possible, and keep doses and frequency as low as will "
            "work.</p>\n<h3>Memory and thinking</h3>\n<p>Thinking can be slower for a few hours "
            "after a dose. Long-term memory problems have been reported with repeated heavy "
            "misuse. Long-term effects of regular treatment on memory and thinking have not been "
            "studied well [1].</p>\n<h3>Liver</h3>\n<p>Liver injury has been reported in some "
            "people who received frequent or long courses of ketamine, mostly for pain, and the "
            "ketamine label includes a warning about it [3]. If treatment continues for a long "
            "time, we may check liver blood tests.</p>\n<h2>Who should not have "
            "ketamine</h2>\n<p>We do not offer ketamine or esketamine to people "
            "with:</p>\n<ul>\n<li>a history of psychosis, such as schizophrenia, or current "
            "mania;</li>\n<li>uncontrolled high blood pressure;</li>\n<li>an aneurysm or similar "
            "disease of the blood vessels, an abnormal connection between arteries and veins "
            "(arteriovenous malformation), or a past bleed in the brain [2];</li>\n<li>a recent "
            "heart attack or stroke, or serious heart disease;</li>\n<li>pregnancy;</li>\n<li>a "
            "past allergic reaction to ketamine or esketamine [2];</li>\n<li>age under "
            "18.</li>\n</ul>\n<p>Other conditions need careful weighing, including breastfeeding, "
            "active alcohol or drug problems, liver disease, glaucoma and bladder problems. Our <a "
            "href='/safety/'>safety page</a> lists them, and it has a short private questionnaire "
            "you can fill in before you talk to us.</p>\n<h2>How we keep sessions "
            "safe</h2>\n<ul>\n<li>A full medical and psychiatric assessment before your first "
            "session.</li>\n<li>Blood pressure checked before each dose, and monitored during and "
            "after it.</li>\n<li>Trained staff with you throughout, with emergency equipment on "
            "site.</li>\n<li>A required ride home, and no driving until the next "
            "day.</li>\n<li>Regular check-ins on mood, side effects, urinary symptoms and any "
            "alcohol or drug use.</li>\n</ul>\n<p>If you are unsure whether any of this applies to "
            "you, ask us. There are no silly questions when it comes to safety.</p>"
        ),
        "references": [
            {
                "text": (
                    "Short B, Fong J, Galvez V, Shelker W, Loo CK. Side-effects associated with "
                    "ketamine use in depression: a systematic review. Lancet Psychiatry. "
                    "2018;5(1):65-78."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/28757132/",
                "doi": "10.1016/S2215-0366(17)30272-9",
            },
            {
                "text": (
                    "Janssen Pharmaceuticals. SPRAVATO (esketamine) nasal spray, CIII: full "
                    "prescribing information. Current label, DailyMed, U.S. National Library of "
                    "Medicine."
                ),
                "url": (
                    "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=d81a6a79-a74a-44b7-"
                    "822c-0dfa3036eaed"
                ),
                "doi": "",
            },
            {
                "text": (
                    "Par Pharmaceutical. KETALAR (ketamine hydrochloride) injection, CIII: "
                    "prescribing information (revised 10/2024), sections 5, Warnings and Precautions, "
                    "and 7, Drug Interactions. DailyMed, U.S. National Library of Medicine."
                ),
                "url": "https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=KETALAR",
                "doi": "",
            },
        ],
        "related_conditions": ["treatment-resistant-depression", "major-depressive-disorder"],
        "originally_published_in": None,
        "image": {
            "alt": "Gentle gradient of pale sky blue into white, evenly lit.",
            "caption": "Most side effects of ketamine are short-lived, but screening still matters.",
            "colors": ["#a8dadc", "#f1faee"],
        },
    },
    {
        "slug": "ketamine-and-suicidal-thoughts",
        "title": "Ketamine and suicidal thoughts: what the research shows",
        "dek": (
            "Ketamine can ease depression quickly, which matters in a crisis. It works alongside "
            "crisis care, not instead of it."
        ),
        "author": "dana-whitfield",
        "reviewer": "daniel-okafor",
        "category": "living-with-depression",
        "tags": ["suicide-prevention", "esketamine", "iv-infusion"],
        "state": "published",
        "days_ago": 30,
        "reviewed_days_ago": 30,
        "excerpt": (
            "If you are thinking about suicide, call or text 988 now. This article explains what "
            "research shows about ketamine and suicidal thoughts, and why it is used alongside "
            "crisis care, never instead of it."
        ),
        "key_takeaways": [
            "If you are thinking about suicide, call or text 988, or call 911 in an emergency.",
            "A single ketamine infusion reduced suicidal thoughts within a day in pooled studies.",
            (
                "Esketamine is approved for depression with acute suicidal thoughts, but it has "
                "not been shown to prevent suicide."
            ),
            "Ketamine is one part of care, together with a safety plan and ongoing support.",
        ],
        "body": (
            "<p><strong>If you are thinking about suicide right now, please reach out for help "
            "now.</strong> In the United States, call or text <strong>988</strong> to reach the "
            "988 Suicide &amp; Crisis Lifeline, any time of day or night, or chat at <a "
            "href='https://988lifeline.org/'>988lifeline.org</a>. If you are in immediate danger, "
            "call 911 or go to the nearest emergency room. You do not have to wait until things "
            "get worse to ask for help.</p>\n<p>Suicidal thoughts are one of the most frightening "
            "parts of depression, for the person living with them and for the people who love "
            "them. Standard antidepressants can take weeks to work, and that wait can feel "
            "unbearable. This is one reason researchers have studied ketamine, which can act "
            "within hours. Here is what the research shows, and what it does not.</p>\n<h2>What "
            "the studies show</h2>\n<p>A major analysis pooled data from 10 studies in which "
            "people with depression and suicidal thoughts received a single IV dose of ketamine or "
            "a comparison treatment. Ketamine reduced suicidal thoughts within one day, and the "
            "effect lasted up to a week. Part of this effect seemed to go beyond the general lift "
            "in mood [1].</p>\n<p>Esketamine nasal spray was tested in two large trials of adults "
            "with major depression who had active suicidal thoughts with intent and needed "
            "hospital care. Everyone also received standard care, including a hospital stay and "
            "antidepressants. Depression improved more with esketamine than with placebo within 24 "
            "hours. However, the rating of suicidal thinking improved a great deal in both groups, "
            "and the difference between them was not statistically clear [2][3].</p>\n<p>Based on "
            "these trials, the FDA approved esketamine, together with an oral antidepressant, for "
            "depressive symptoms in adults with major depression who have acute suicidal thoughts "
            "or behavior. The label is clear that esketamine has not been shown to prevent suicide "
            "or to reduce suicidal thoughts or behavior, and that it does not replace hospital "
            "care when hospital care is needed [4].</p>\n<h2>What this means for you</h2>\n<ul>\n"
            "<li>Ketamine or esketamine may ease depression quickly for some people, which can "
            "make the hardest days more bearable.</li>\n<li>It is not a same-day emergency "
            "treatment at most clinics. It needs an assessment first, and it happens alongside "
            "crisis care, not instead of it.</li>\n<li>Relief after one or two doses can fade. A "
            "safety plan and ongoing care are still needed.</li>\n<li>It does not work for "
            "everyone. If it does not help you, that says nothing about your worth or your chances "
            "of getting better with other treatments.</li>\n</ul>\n<h2>How we approach suicidal "
            "thoughts at our clinic</h2>\n<p>We ask about suicidal thoughts at every visit, "
            "plainly and without judgment. Asking about suicide does not put the idea in someone's "
            "head; it opens the door to help. Before starting treatment, we work with you on a "
            "written safety plan: your warning signs, ways to cope, people to contact, and how to "
            "make your surroundings safer, for example by storing medicines and firearms away from "
            "home or locked up. If your risk is high, we help you get urgent care first, and with "
            "your permission we coordinate with your psychiatrist, therapist and family.</p>\n"
            "<h2>For families and friends</h2>\n<p>If you are worried about someone, ask them "
            "directly whether they are thinking about suicide. Listen, stay with them if you can, "
            "and help them connect with 988 or emergency care. You can also call or text 988 "
            "yourself for advice on how to help. Take care of yourself too; supporting someone "
            "through a crisis is hard.</p>\n<h2>The bottom line</h2>\n<p>Ketamine is a real "
            "advance for some people with severe depression and suicidal thoughts, because it can "
            "work faster than other medicines. It is one part of care, not a rescue on its own. If "
            "you are struggling now, the most important step is to reach out today: call or text "
            "988.</p>"
        ),
        "references": [
            {
                "text": (
                    "Wilkinson ST, Ballard ED, Bloch MH, et al. The effect of a single dose of "
                    "intravenous ketamine on suicidal ideation: a systematic review and individual "
                    "participant data meta-analysis. Am J Psychiatry. 2018;175(2):150-158."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/28969441/",
                "doi": "10.1176/appi.ajp.2017.17040472",
            },
            {
                "text": (
                    "Fu DJ, Ionescu DF, Li X, et al. Esketamine nasal spray for rapid reduction of "
                    "major depressive disorder symptoms in patients who have active suicidal "
                    "ideation with intent: double-blind, randomized study (ASPIRE I). J Clin "
                    "Psychiatry. 2020;81(3):19m13191."
                ),
                "url": "https://doi.org/10.4088/JCP.19m13191",
                "doi": "10.4088/JCP.19m13191",
            },
            {
                "text": (
                    "Ionescu DF, Fu DJ, Qiu X, et al. Esketamine nasal spray for rapid reduction "
                    "of depressive symptoms in patients with major depressive disorder who have "
                    "active suicide ideation with intent: results of a phase 3, double-blind, "
                    "randomized study (ASPIRE II). Int J Neuropsychopharmacol. 2021;24(1):22-31."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/32861217/",
                "doi": "10.1093/ijnp/pyaa068",
            },
            {
                "text": (
                    "Janssen Pharmaceuticals. SPRAVATO (esketamine) nasal spray, CIII: full "
                    "prescribing information. Current label, DailyMed, U.S. National Library of "
                    "Medicine."
                ),
                "url": (
                    "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=d81a6a79-a74a-44b7-"
                    "822c-0dfa3036eaed"
                ),
                "doi": "",
            },
        ],
        "related_conditions": [
            "suicidal-ideation",
            "major-depressive-disorder",
            "treatment-resistant-depression",
        ],
        "originally_published_in": None,
        "image": {
            "alt": "Soft dawn gradient from deep navy to warm apricot along the horizon.",
            "caption": "Help is available any time: call or text 988.",
            "colors": ["#1d3557", "#f4a582"],
        },
    },
    {
        "slug": "what-to-expect-at-a-spravato-visit",
        "title": "What to expect at an esketamine (Spravato) visit",
        "dek": (
            "From the nasal spray to the two-hour rest afterward, a step-by-step guide to "
            "esketamine treatment."
        ),
        "author": "daniel-okafor",
        "reviewer": "dana-whitfield",
        "category": "treatment-options",
        "tags": ["esketamine", "first-visit", "side-effects"],
        "state": "scheduled",
        "days_ago": -5,
        "reviewed_days_ago": 2,
        "excerpt": (
            "Esketamine nasal spray is the FDA-approved ketamine-based medicine for depression. "
            "Here is how a treatment day works, from the blood pressure check to the ride home."
        ),
        "key_takeaways": [
            "Esketamine is given only in certified clinics, and you stay at least 2 hours after each dose.",
            "Avoid food for 2 hours and drinks for 30 minutes beforehand, because nausea is common.",
            "You cannot drive until the next day, after a restful sleep.",
            "Treatment starts twice a week and is reduced over the following months.",
        ],
        "body": (
            "<p>Esketamine nasal spray, sold as Spravato, is the only ketamine-based medicine "
            "approved by the FDA for depression. It was first approved in 2019. Because it can "
            "cause sleepiness and dissociation, it comes with strict safety rules. Knowing what a "
            "visit looks like can make the first one less stressful.</p>\n<h2>Who it is "
            "for</h2>\n<p>Spravato is approved for adults "
            "with:</p>\n<ul>\n<li><strong>treatment-resistant depression</strong>, meaning "
            "depression that has not improved enough after trying at least two antidepressants. "
            "Since January 2025 it can be used on its own or with an oral "
            "antidepressant;</li>\n<li><strong>depressive symptoms with acute suicidal thoughts or "
            "behavior</strong> in major depression, together with an oral antidepressant "
            "[1].</li>\n</ul>\n<p>It is not approved for anyone under 18. The label also notes "
            "that it has not been shown to prevent suicide, and that it does not replace hospital "
            "care when that is needed [1]. In one of the main trials, adults with "
            "treatment-resistant depression who started esketamine plus a new antidepressant "
            "improved more over four weeks than those who started the antidepressant with a "
            "placebo spray [2].</p>\n<h2>Before your visit</h2>\n<ul>\n<li>Do not eat for at least "
            "2 hours before your dose, and stop drinking liquids 30 minutes before, because nausea "
            "is common [1].</li>\n<li>If you use a steroid or decongestant nasal spray, use it at "
            "least 1 hour before your dose [1].</li>\n<li>Arrange a ride home. You cannot drive or "
            "operate machinery until the next day, after a restful night's sleep "
            "[1].</li>\n<li>Tell us about every medicine you take. Opioids, benzodiazepines, "
            "sleeping pills, alcohol and other sedatives can add to sleepiness and slowed "
            "breathing; stimulants and MAOI antidepressants can raise blood pressure further "
            "[1].</li>\n<li>Bring anything that helps you relax, such as a blanket, headphones or "
            "an eye mask.</li>\n</ul>\n<h2>During the visit</h2>\n<p>Spravato is only given in "
            "healthcare settings certified under a federal safety program called REMS (Risk "
            "Evaluation and Mitigation Strategy). You cannot take the spray home.</p>\n<ol>\n<li>A "
            "nurse checks your blood pressure. If it is too high, your dose may be "
            "delayed.</li>\n<li>You use the spray yourself while we watch. Each device holds 28 mg "
            "and gives one spray into each nostril. A 56 mg dose uses two devices and an 84 mg "
            "dose uses three, with a 5-minute rest between devices.</li>\n<li>You rest in a "
            "reclining chair. Your blood pressure is checked again about 40 minutes after the "
            "dose, and later as needed.</li>\n<li>You stay for at least 2 hours, until a clinician "
            "decides you are stable to leave [1].</li>\n</ol>\n<h2>How it may feel</h2>\n<p>Common "
            "effects include feeling detached or dreamlike, dizziness, nausea, sleepiness, a "
            "spinning feeling, numbness and a short rise in blood pressure. These effects usually "
            "start soon after the dose. Because sleepiness can come on late or last longer than "
            "expected, and breathing can slow, staff watch you for at least 2 hours [1]. Tell the "
            "staff if you feel unwell; that is exactly what they are there for.</p>\n<p>After you "
            "get home, call 911 if you have chest pain, a sudden severe headache, trouble "
            "breathing, fainting, confusion or a seizure. Call the clinic for problems that are "
            "not urgent.</p>\n<h2>The treatment schedule</h2>\n<ul>\n<li><strong>Weeks 1 to "
            "4:</strong> twice a week. For treatment-resistant depression, the first dose is 56 mg "
            "and later doses are 56 or 84 mg.</li>\n<li><strong>Weeks 5 to 8:</strong> once a "
            "week.</li>\n<li><strong>Week 9 onward:</strong> once a week or every two weeks, at "
            "the lowest frequency that keeps you well [1].</li>\n</ul>\n<p>Your prescriber will "
            "review whether it is helping at the end of the first four weeks. For depressive "
            "symptoms with acute suicidal thoughts, the label dose is 84 mg twice a week for four "
            "weeks, lowered to 56 mg if needed for side effects; use beyond four weeks for that "
            "purpose has not been systematically studied [1][3]. For people with "
            "treatment-resistant depression who do well, continuing treatment lowers the chance of "
            "relapse [4].</p>\n<p>If you have questions about cost, insurance approval or "
            "scheduling, our front desk can help before your first visit.</p>"
        ),
        "references": [
            {
                "text": (
                    "Janssen Pharmaceuticals. SPRAVATO (esketamine) nasal spray, CIII: full "
                    "prescribing information. Current label, DailyMed, U.S. National Library of "
                    "Medicine."
                ),
                "url": (
                    "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=d81a6a79-a74a-44b7-"
                    "822c-0dfa3036eaed"
                ),
                "doi": "",
            },
            {
                "text": (
                    "Popova V, Daly EJ, Trivedi M, et al. Efficacy and safety of flexibly dosed "
                    "esketamine nasal spray combined with a newly initiated oral antidepressant in "
                    "treatment-resistant depression: a randomized double-blind active-controlled "
                    "study. Am J Psychiatry. 2019;176(6):428-438."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/31109201/",
                "doi": "10.1176/appi.ajp.2019.19020172",
            },
            {
                "text": (
                    "Fu DJ, Ionescu DF, Li X, et al. Esketamine nasal spray for rapid reduction of "
                    "major depressive disorder symptoms in patients who have active suicidal "
                    "ideation with intent: double-blind, randomized study (ASPIRE I). J Clin "
                    "Psychiatry. 2020;81(3):19m13191."
                ),
                "url": "https://doi.org/10.4088/JCP.19m13191",
                "doi": "10.4088/JCP.19m13191",
            },
            {
                "text": (
                    "Daly EJ, Trivedi MH, Janik A, et al. Efficacy of esketamine nasal spray plus "
                    "oral antidepressant treatment for relapse prevention in patients with "
                    "treatment-resistant depression: a randomized clinical trial. JAMA Psychiatry. "
                    "2019;76(9):893-903."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/31166571/",
                "doi": "10.1001/jamapsychiatry.2019.1189",
            },
        ],
        "related_conditions": [
            "treatment-resistant-depression",
            "major-depressive-disorder",
            "suicidal-ideation",
        ],
        "originally_published_in": None,
        "image": {
            "alt": "Smooth gradient of sage green into light cream.",
            "caption": (
                "Esketamine is given in certified clinics, with at least two hours of rest afterward."
            ),
            "colors": ["#84a98c", "#f8f4e3"],
        },
    },
    {
        "slug": "preparing-for-your-first-infusion",
        "title": "Preparing for your first ketamine infusion",
        "dek": "What happens before, during and after an IV infusion, and how to make the day easier.",
        "author": "daniel-okafor",
        "reviewer": "dana-whitfield",
        "category": "treatment-options",
        "tags": ["first-visit", "iv-infusion", "side-effects"],
        "state": "in_review",
        "days_ago": 0,
        "reviewed_days_ago": None,
        "excerpt": "",
        "key_takeaways": [
            "You will have a full assessment before your first infusion.",
            "Arrange a ride home; you cannot drive until the next day.",
            "You can ask us to slow or stop the infusion at any time.",
            "One infusion is not a fair test; we review progress after the first series.",
        ],
        "body": (
            "<p>Starting something new can feel nerve-racking, especially when you are already "
            "worn down by depression. Knowing what will happen, step by step, helps many people "
            "feel calmer. This guide covers IV ketamine infusions at our clinic. Your own plan may "
            "differ slightly, and your care team will go over it with you.</p>\n<h2>Before the "
            "day</h2>\n<p>You will have a full assessment first, usually at a separate visit. We "
            "review your mental health history, past treatments, physical health, medicines, and "
            "any alcohol or drug use. We check your blood pressure and may ask for recent blood "
            "tests or a heart tracing (ECG). Professional guidance recommends this kind of "
            "screening before anyone starts ketamine "
            "[1].</p>\n<ul>\n<li><strong>Medicines.</strong> Bring a list of everything you take, "
            "including prescriptions, over-the-counter products and supplements, and keep taking "
            "your usual medicines unless we tell you otherwise. Some matter for safety. Opioid "
            "pain medicines, benzodiazepines (for example lorazepam or clonazepam), sleeping pills "
            "and other sedating medicines can add to ketamine's sleepiness and, in rare cases, "
            "slow your breathing [3]. Stimulants, such as many ADHD medicines, can push blood "
            "pressure higher [3][4], and the esketamine label gives the same warning for MAOI "
            "antidepressants [4]. We will go through your list with you and agree on any change in "
            "timing. Never stop a medicine on your own.</li>\n<li><strong>Food and drink.</strong> "
            "Ketamine can cause nausea, so do not eat for a few hours beforehand. We will give you "
            "exact times.</li>\n<li><strong>A ride home.</strong> An adult must take you home. You "
            "cannot drive until the next day, after a night's sleep.</li>\n<li><strong>A quiet "
            "rest of the day.</strong> Avoid work meetings, big decisions, or caring alone for "
            "young children that afternoon.</li>\n</ul>\n<h2>On the day</h2>\n<ul>\n<li>Wear "
            "comfortable clothes with sleeves that roll up easily.</li>\n<li>Bring headphones, an "
            "eye mask or a soft blanket if you like. Many people listen to calm music without "
            "lyrics.</li>\n<li>Avoid alcohol and any recreational drugs for at least a day before "
            "and on the day of your infusion. Alcohol adds to ketamine's sedating effects "
            "[3].</li>\n</ul>\n<p>When you arrive, a nurse checks your blood pressure, heart rate "
            "and oxygen level and asks how you are feeling. You fill in a short mood questionnaire "
            "so we can track changes over time. Then a small IV line is placed in your arm or "
            "hand.</p>\n<h2>During the infusion</h2>\n<p>The usual dose is 0.5 mg per kilogram of "
            "body weight, given slowly over about 40 minutes. Effects start within a few minutes. "
            "You may feel floaty, heavy or light, notice sounds and colors differently, or feel "
            "disconnected from your body. Some people find this pleasant; others find it strange. "
            "Both are normal.</p>\n<p>A nurse stays nearby, checks your blood pressure regularly "
            "and watches how you are doing. If you feel anxious, it can help to breathe slowly, "
            "notice the chair supporting you, and remember that the feeling will pass. You can "
            "tell us at any time if it is too much. We can slow or stop the infusion, and the "
            "effects usually settle within minutes.</p>\n<h2>Afterward</h2>\n<p>Most effects wear "
            "off within an hour after the infusion ends. You rest until you can walk steadily and "
            "your blood pressure has settled, and most people leave within about an hour. Mild "
            "nausea, headache, tiredness or dizziness can last for a few hours [2].</p>\n<p>Some "
            "people feel a lift in mood the same day or the next. Others notice a change only "
            "after the second or third infusion, and some do not respond. One infusion is not a "
            "fair test. We usually review progress with you after the first series of about six "
            "infusions.</p>\n<h2>When to get emergency help</h2>\n<p>Call 911, or have someone "
            "call for you, if after an infusion you have chest pain or pressure, a sudden severe "
            "headache, trouble breathing, fainting, new confusion or difficulty waking, a seizure, "
            "or sudden weakness, numbness or trouble speaking. These can be signs of a dangerous "
            "rise in blood pressure or another emergency, and they should not wait for a call back "
            "from the clinic.</p>\n<p>If you have thoughts of suicide or feel unsafe, call or text "
            "988 (the 988 Suicide &amp; Crisis Lifeline), or call 911 if you are in immediate "
            "danger.</p>\n<h2>When to call us</h2>\n<p>Call the clinic during opening hours if "
            "nausea, dizziness or tiredness has not settled by the next day, if you have pain or "
            "blood when passing urine, or if your mood is worse rather than better. If you are "
            "unsure whether something is an emergency, treat it as one and call 911.</p>"
        ),
        "references": [
            {
                "text": (
                    "Sanacora G, Frye MA, McDonald W, et al. A consensus statement on the use of "
                    "ketamine in the treatment of mood disorders. JAMA Psychiatry. "
                    "2017;74(4):399-405."
                ),
                "url": "https://jamanetwork.com/journals/jamapsychiatry/fullarticle/2605202",
                "doi": "10.1001/jamapsychiatry.2016.4671",
            },
            {
                "text": (
                    "Short B, Fong J, Galvez V, Shelker W, Loo CK. Side-effects associated with "
                    "ketamine use in depression: a systematic review. Lancet Psychiatry. "
                    "2018;5(1):65-78."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/28757132/",
                "doi": "10.1016/S2215-0366(17)30272-9",
            },
            {
                "text": (
                    "Par Pharmaceutical. KETALAR (ketamine hydrochloride) injection, CIII: "
                    "prescribing information (revised 10/2024), section 7, Drug Interactions. "
                    "DailyMed, U.S. National Library of Medicine."
                ),
                "url": "https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=KETALAR",
                "doi": "",
            },
            {
                "text": (
                    "Janssen Pharmaceuticals. SPRAVATO (esketamine) nasal spray, CIII: full "
                    "prescribing information, section 7, Drug Interactions. Current label, DailyMed, "
                    "U.S. National Library of Medicine."
                ),
                "url": (
                    "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=d81a6a79-a74a-44b7-"
                    "822c-0dfa3036eaed"
                ),
                "doi": "",
            },
        ],
        "related_conditions": ["treatment-resistant-depression"],
        "originally_published_in": None,
        "image": {
            "alt": "Muted gradient from soft lavender into light gray-blue.",
            "caption": "Knowing what to expect can make a first infusion feel calmer.",
            "colors": ["#b8b8d1", "#dfe7ec"],
        },
    },
    {
        "slug": "integration-after-ketamine-sessions",
        "title": "Integration after ketamine sessions",
        "dek": "Simple, practical ways to carry what you notice in a session into everyday life.",
        "author": "ruth-abernathy",
        "reviewer": None,
        "category": "therapy-and-integration",
        "tags": ["integration", "psychotherapy", "maintenance"],
        "state": "draft",
        "days_ago": 0,
        "reviewed_days_ago": None,
        "excerpt": "",
        "key_takeaways": [],
        "body": (
            "<p><em>Integration</em> is a word you will hear often around ketamine treatment. It "
            "simply means making use of what happens during and after your sessions, so that any "
            "relief or insight carries into everyday life. It does not require special beliefs, "
            "and there is no single right way to do it.</p>\n<h2>Why integration matters</h2>\n"
            "<p>The lift in mood that ketamine can bring often fades over weeks. Some researchers "
            "think the days after a session may be a time when the brain is more open to change, "
            "though this is still being studied in people. There is early evidence that therapy "
            "after ketamine may help the benefit last longer [1]. Integration is the practical "
            "side of that idea: using the window to build habits, connections and new ways of "
            "thinking.</p>\n<h2>What integration can look like</h2>\n<ul>\n<li><strong>Writing it "
            "down.</strong> Soon after a session, jot down images, feelings or thoughts you "
            "remember. Memory of the experience can fade quickly.</li>\n<li><strong>Talking it "
            "through.</strong> Share what came up with a therapist, or with someone you trust. "
            "Saying it out loud often makes it clearer.</li>\n<li><strong>Small, concrete "
            "steps.</strong> If a session left you wanting to call your sister, decide when you "
            "will do it. Keep steps small enough to actually happen.</li>\n<li><strong>Looking "
            "after your body.</strong> Regular sleep, meals, daylight and gentle movement support "
            "mood while treatment takes effect.</li>\n<li><strong>Noticing change.</strong> Keep a "
            "simple weekly log of mood, sleep and energy. It helps you and your clinicians see "
            "what is working.</li>\n</ul>\n<h2>If a session was hard</h2>\n<p>Not every session "
            "feels good. Some people meet painful memories or strong emotions, or feel shaken for "
            "a day or two. This is common and usually passes. It can help to rest, keep to "
            "familiar routines, and talk with your therapist or care team. You may also notice an "
            "old habit of harsh self-criticism as you look back on a session. Try to meet it with "
            "the patience you would offer a friend. If you feel unsafe or have thoughts of "
            "suicide, call or text 988, or call 911 in an emergency.</p>\n<h2>Working with your "
            "care team</h2>\n<p>Integration works best when your prescriber and your therapist "
            "know what is happening between sessions. Let them know if your sleep, appetite or "
            "energy changes, if old memories come up strongly, or if you notice new urinary "
            "symptoms or find yourself wanting more ketamine than is planned. These are all useful "
            "pieces of information, not signs of failure, and they help us adjust the plan to suit "
            "you.</p>\n<h2>Keeping expectations realistic</h2>\n<p>Integration is not about having "
            "a breakthrough every time. Many sessions feel ordinary, and that is fine. Progress "
            "usually shows up as small changes: getting out of bed more easily, a bit more "
            "patience, a bit less dread. Practices that combine ketamine with therapy report "
            "improvements, but their reports do not include comparison groups, so we cannot yet "
            "say how much integration itself adds [2].</p>\n<p>We offer integration sessions "
            "because many patients find them helpful, and because depression care works best when "
            "it is about more than a medicine. If you would like to try one, ask at your next "
            "visit.</p>"
        ),
        "references": [
            {
                "text": (
                    "Wilkinson ST, Rhee TG, Joormann J, et al. Cognitive behavioral therapy to "
                    "sustain the antidepressant effects of ketamine in treatment-resistant "
                    "depression: a randomized clinical trial. Psychother Psychosom. "
                    "2021;90(5):318."
                ),
                "url": "https://doi.org/10.1159/000517074",
                "doi": "10.1159/000517074",
            },
            {
                "text": (
                    "Dore J, Turnipseed B, Dwyer S, et al. Ketamine assisted psychotherapy (KAP): "
                    "patient demographics, clinical data and outcomes in three large practices "
                    "administering ketamine with psychotherapy. J Psychoactive Drugs. "
                    "2019;51(2):189-198."
                ),
                "url": "https://pubmed.ncbi.nlm.nih.gov/30917760/",
                "doi": "10.1080/02791072.2019.1587556",
            },
        ],
        "related_conditions": ["treatment-resistant-depression", "ptsd"],
        "originally_published_in": None,
        "image": {
            "alt": "Gradient of soft moss green into pale gold, like late afternoon light.",
            "caption": "Integration means carrying what helps into everyday life.",
            "colors": ["#6a994e", "#f2e8cf"],
        },
    },
]
