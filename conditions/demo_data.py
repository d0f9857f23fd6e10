"""Demo content for the conditions app: groups, conditions, treatment routes and contraindications.

Plain data only (no Django imports). Evidence labels are deliberately conservative;
regulatory facts follow the current SPRAVATO (esketamine) label; generic ketamine is off-label for every
psychiatric use listed here.
"""

GROUPS = [
    {
        "slug": "depression",
        "name": "Depression",
        "order": 1,
    },
    {
        "slug": "anxiety-disorders",
        "name": "Anxiety disorders",
        "order": 2,
    },
    {
        "slug": "ptsd-and-trauma",
        "name": "PTSD & trauma",
        "order": 3,
    },
    {
        "slug": "other-conditions",
        "name": "Other conditions",
        "order": 4,
    },
]

CONDITIONS = [
    {
        "slug": "major-depressive-disorder",
        "name": "Major depressive disorder",
        "group": "depression",
        "order": 1,
        "summary": (
            "A common, treatable illness in which low mood or loss of interest lasts at least two "
            "weeks, with changes in sleep, energy, appetite, concentration and self-worth."
        ),
        "description": (
            "<p>Major depressive disorder (MDD) is more than sadness. Low mood or a loss of "
            "interest lasts most of the day, nearly every day, for at least two weeks. It usually "
            "comes with other symptoms: poor sleep, tiredness, changes in appetite, trouble "
            "concentrating, feelings of guilt or worthlessness, and sometimes thoughts of death or "
            "suicide.</p>\n<h2>Usual treatments</h2>\n<p>Most people start with talk therapy, an "
            "antidepressant medicine, or both. Many people improve, but it can take several weeks, "
            "and some need to try more than one option before something helps.</p>\n<h2>Where "
            "ketamine fits</h2>\n<p>Ketamine is not a first treatment for depression. We consider "
            "it when:</p>\n<ul>\n<li>depression has not improved enough with standard treatments "
            "(see treatment-resistant depression);</li>\n<li>symptoms are severe and faster relief "
            "is needed;</li>\n<li>depression comes with acute suicidal thoughts or behavior, "
            "alongside urgent care.</li>\n</ul>\n<p>Esketamine nasal spray (Spravato) is "
            "<strong>FDA-approved</strong>, together with an oral antidepressant, for depressive "
            "symptoms in adults with MDD who have acute suicidal thoughts or behavior. IV ketamine "
            "is used <strong>off-label</strong>. The evidence for ketamine is strongest in people "
            "whose depression has not responded to other treatment.</p>"
        ),
        "evidence": "established",
        "routes": [
            [
                "intranasal-esketamine",
                (
                    "FDA-approved with an oral antidepressant for adults with MDD and acute "
                    "suicidal thoughts or behavior"
                ),
            ],
            [
                "iv-ketamine-infusion",
                "Off-label; well studied in depression that has not responded to other treatment",
            ],
        ],
        "contraindications": [
            "psychosis-history",
            "uncontrolled-hypertension",
            "serious-cardiovascular-disease",
            "pregnancy",
            "ketamine-allergy",
        ],
    },
    {
        "slug": "treatment-resistant-depression",
        "name": "Treatment-resistant depression",
        "group": "depression",
        "order": 2,
        "summary": (
            "Depression that has not improved enough after at least two antidepressants, each "
            "taken at an adequate dose for an adequate length of time."
        ),
        "description": (
            "<p>Many people with depression do not get well with the first treatments they try. "
            "When depression has not improved enough after at least two different antidepressants, "
            "each taken at an adequate dose for long enough, doctors often call it "
            "treatment-resistant depression (TRD). The name can sound discouraging, but it does "
            "not mean untreatable. It means it is time to look at other options.</p>\n<h2>Where "
            "ketamine fits</h2>\n<p>TRD is where ketamine has been studied most. Many controlled "
            "trials show that IV ketamine can reduce symptoms within hours to days for many "
            "people, and a series of sessions can build on this. Esketamine nasal spray "
            "(Spravato) is <strong>FDA-approved</strong> for adults with TRD, with an oral "
            "antidepressant or, since January 2025, on its own.</p>\n<h2>What to expect</h2>\n"
            "<ul>\n<li>Not everyone responds. In a large trial that compared IV ketamine with "
            "electroconvulsive therapy (Anand et al., N Engl J Med, 2023), 55% of people who "
            "received six infusions over three weeks responded; the rest did not.</li>\n<li>The benefit often "
            "fades without maintenance sessions, therapy or other ongoing care.</li>\n<li>Other "
            "options for TRD include changing or adding medicines, psychotherapy, transcranial "
            "magnetic stimulation (TMS) and electroconvulsive therapy (ECT). In that same trial, "
            "in people with TRD without psychosis, IV ketamine did at least as well as ECT.</li>\n"
            "</ul>"
        ),
        "evidence": "established",
        "routes": [
            [
                "intranasal-esketamine",
                "FDA-approved for adults, with an oral antidepressant or on its own",
            ],
            [
                "iv-ketamine-infusion",
                "Off-label; the most studied route, with many controlled trials",
            ],
            [
                "sublingual-oral-ketamine",
                "Off-label; sometimes used for maintenance after an IV series; limited evidence",
            ],
            ["intramuscular-ketamine", "Off-label; less studied than IV"],
        ],
        "contraindications": [
            "psychosis-history",
            "uncontrolled-hypertension",
            "serious-cardiovascular-disease",
            "pregnancy",
            "ketamine-allergy",
        ],
    },
    {
        "slug": "bipolar-depression",
        "name": "Bipolar depression",
        "group": "depression",
        "order": 3,
        "summary": (
            "The depressive phases of bipolar disorder. Ketamine may be considered only during a "
            "depressive episode, never during mania or hypomania, and together with a mood "
            "stabilizer."
        ),
        "description": (
            "<p>Bipolar disorder involves episodes of depression and episodes of mania or "
            "hypomania: periods of unusually high or irritable mood, much less need for sleep, "
            "racing thoughts and risky behavior. For many people, the depressive phases last "
            "longer and are harder to treat than the highs.</p>\n<h2>Where ketamine fits</h2>\n"
            "<p>Small controlled trials found that a single ketamine infusion, added to lithium or "
            "valproate, eased bipolar depression within hours for some people. The evidence is "
            "promising but limited, and no form of ketamine is FDA-approved for bipolar "
            "depression.</p>\n<ul>\n<li>Ketamine is considered <strong>only during a depressive "
            "episode</strong>, never during mania or hypomania.</li>\n<li>It is given alongside a "
            "<strong>mood stabilizer</strong>, with a psychiatrist closely involved.</li>\n<li>In "
            "studies so far, switches into mania after ketamine have been uncommon, but we check "
            "for signs of mania at every visit.</li>\n<li>People with bipolar disorder who have "
            "had psychotic symptoms need especially careful evaluation.</li>\n</ul>"
        ),
        "evidence": "emerging",
        "routes": [
            [
                "iv-ketamine-infusion",
                "Off-label; small trials added to lithium or valproate, during depressive episodes only",
            ],
        ],
        "contraindications": [
            "current-mania",
            "psychosis-history",
            "uncontrolled-hypertension",
            "serious-cardiovascular-disease",
        ],
    },
    {
        "slug": "postpartum-depression",
        "name": "Postpartum depression",
        "group": "depression",
        "order": 4,
        "summary": (
            "Depression during pregnancy or in the months after birth. Ketamine is not used in "
            "pregnancy, and after birth it needs careful thought, especially when breastfeeding."
        ),
        "description": (
            "<p>Postpartum depression is depression that starts during pregnancy or in the months "
            "after giving birth. It is common and treatable, and it is not a sign of weakness or "
            "of being a bad parent. Symptoms can include low mood, anxiety, trouble bonding with "
            "the baby, poor sleep even when the baby sleeps, and sometimes frightening "
            "thoughts.</p>\n<h2>Usual treatments</h2>\n<p>Therapy and antidepressants are the main "
            "treatments. Medicines approved specifically for postpartum depression also exist, "
            "such as zuranolone, a pill taken for 14 days.</p>\n<h2>Where ketamine fits</h2>\n"
            "<p>Research on ketamine for postpartum depression is at an early stage. Some studies "
            "have given ketamine or esketamine around the time of a cesarean birth to try to "
            "prevent depression, with mixed results. We do not offer ketamine during pregnancy. "
            "After birth, it may be considered for severe depression that has not responded to "
            "other treatment, after a careful talk about breastfeeding, which is not recommended "
            "during esketamine treatment.</p>\n<p><strong>If you have thoughts of harming yourself "
            "or your baby, call or text 988, or call 911 in an emergency.</strong></p>"
        ),
        "evidence": "investigational",
        "routes": [
            [
                "iv-ketamine-infusion",
                "Off-label; never during pregnancy; limited research after birth",
            ],
        ],
        "contraindications": ["pregnancy", "breastfeeding"],
    },
    {
        "slug": "generalized-anxiety-disorder",
        "name": "Generalized anxiety disorder",
        "group": "anxiety-disorders",
        "order": 1,
        "summary": (
            "Ongoing, hard-to-control worry about many everyday things, often with tension, "
            "restlessness and poor sleep."
        ),
        "description": (
            "<p>Generalized anxiety disorder (GAD) means worrying much of the time, about many "
            "different things, for six months or more, in a way that is hard to control. It often "
            "comes with muscle tension, restlessness, tiredness, irritability, poor concentration "
            "and trouble sleeping.</p>\n<h2>Usual treatments</h2>\n<p>Cognitive behavioral therapy "
            "(CBT) and medicines such as SSRIs or SNRIs help many people. Some do not improve "
            "enough, even after several tries.</p>\n<h2>Where ketamine fits</h2>\n<p>Small "
            "studies, mostly in people whose anxiety did not respond to standard treatment, "
            "suggest that low doses of ketamine may ease anxiety for days to weeks. The studies "
            "are small and short, and ketamine is not FDA-approved for anxiety. Ketamine can also "
            "cause brief anxiety during a session, which we prepare you for.</p>\n<p>At our "
            "clinic, ketamine for anxiety is usually considered only when anxiety comes with "
            "depression, or when standard treatments have clearly not worked, after an honest talk "
            "about what is and is not known.</p>"
        ),
        "evidence": "investigational",
        "routes": [
            ["iv-ketamine-infusion", "Off-label; small studies only"],
            ["sublingual-oral-ketamine", "Off-label; limited evidence"],
        ],
        "contraindications": [
            "active-substance-use-disorder",
            "psychosis-history",
            "uncontrolled-hypertension",
            "serious-cardiovascular-disease",
        ],
    },
    {
        "slug": "social-anxiety-disorder",
        "name": "Social anxiety disorder",
        "group": "anxiety-disorders",
        "order": 2,
        "summary": (
            "Intense fear of being judged or embarrassed in social situations, leading to "
            "avoidance that affects work, school or relationships."
        ),
        "description": (
            "<p>Social anxiety disorder is more than shyness. It is a strong, lasting fear of "
            "being watched, judged or embarrassed. People may avoid speaking up, eating in front "
            "of others, meetings or parties, or get through them with great distress. Over time "
            "this can narrow work, study and friendships.</p>\n<h2>Usual treatments</h2>\n<p>CBT "
            "that includes gradual, supported practice in feared situations works well for many "
            "people. SSRIs and SNRIs can also help.</p>\n<h2>Where ketamine fits</h2>\n<p>Only a "
            "small number of studies have tested ketamine for social anxiety, with some early "
            "signs of benefit. The research is too limited to recommend it as a standard "
            "treatment. We consider it only case by case, usually when social anxiety comes with "
            "depression that has not responded to other care, and alongside therapy.</p>"
        ),
        "evidence": "investigational",
        "routes": [
            ["iv-ketamine-infusion", "Off-label; very limited research"],
        ],
        "contraindications": [
            "psychosis-history",
            "uncontrolled-hypertension",
            "serious-cardiovascular-disease",
            "pregnancy",
        ],
    },
    {
        "slug": "panic-disorder",
        "name": "Panic disorder",
        "group": "anxiety-disorders",
        "order": 3,
        "summary": (
            "Repeated, unexpected panic attacks, which are sudden surges of intense fear with "
            "physical symptoms, and ongoing worry about having more."
        ),
        "description": (
            "<p>A panic attack is a sudden wave of intense fear that peaks within minutes. It can "
            "bring a racing heart, chest tightness, shortness of breath, shaking, dizziness and a "
            "feeling of unreality or of losing control. In panic disorder, attacks come out of the "
            "blue and the fear of the next one starts to shape daily life.</p>\n<h2>Usual "
            "treatments</h2>\n<p>CBT and SSRIs are effective for most people with panic "
            "disorder.</p>\n<h2>Where ketamine fits</h2>\n<p>There is little research on ketamine "
            "for panic disorder. During a session, ketamine can itself cause a faster heartbeat, a "
            "sense of unreality and anxiety, which can feel similar to panic. For some people this "
            "is hard; for others, careful preparation makes it manageable. We consider ketamine "
            "mainly when panic disorder comes with depression that has not responded to treatment, "
            "and we take extra time to prepare.</p>"
        ),
        "evidence": "investigational",
        "routes": [
            ["iv-ketamine-infusion", "Off-label; little research specific to panic disorder"],
        ],
        "contraindications": [
            "psychosis-history",
            "uncontrolled-hypertension",
            "serious-cardiovascular-disease",
            "pregnancy",
        ],
    },
    {
        "slug": "anxiety-with-depression",
        "name": "Anxiety with depression",
        "group": "anxiety-disorders",
        "order": 4,
        "summary": (
            "Depression that comes with marked anxiety, sometimes called anxious depression. It is "
            "common and can be harder to treat."
        ),
        "description": (
            "<p>Many people with depression also live with strong anxiety: constant worry, "
            "tension, restlessness or panic. Doctors sometimes call this anxious depression. It is "
            "common, and it can make depression harder to treat with standard medicines.</p>\n"
            "<h2>Where ketamine fits</h2>\n<p>Trials of ketamine and esketamine in depression have "
            "included many people with high anxiety. Some later analyses of those trials suggest "
            "that marked anxiety does not stop people from responding, but the data are limited "
            "and we cannot promise the same result. Anxiety symptoms also tend to ease when "
            "depression improves.</p>\n<p>If your depression is treatment-resistant, esketamine "
            "nasal spray is FDA-approved for it whether or not you also have anxiety. IV ketamine "
            "is used off-label. Because ketamine can cause short-lived anxiety during a session, "
            "we spend extra time on preparation and on ways to stay grounded.</p>"
        ),
        "evidence": "emerging",
        "routes": [
            [
                "intranasal-esketamine",
                "FDA-approved when the depression is treatment-resistant; anxiety may also be present",
            ],
            ["iv-ketamine-infusion", "Off-label"],
        ],
        "contraindications": [
            "psychosis-history",
            "uncontrolled-hypertension",
            "serious-cardiovascular-disease",
            "pregnancy",
            "ketamine-allergy",
        ],
    },
    {
        "slug": "ptsd",
        "name": "Post-traumatic stress disorder (PTSD)",
        "group": "ptsd-and-trauma",
        "order": 1,
        "summary": (
            "Lasting symptoms after a traumatic event, such as intrusive memories, nightmares, "
            "avoidance, feeling constantly on edge, and changes in mood and thinking."
        ),
        "description": (
            "<p>PTSD can follow events such as assault, combat, accidents, disasters or sudden "
            "loss. Symptoms include unwanted memories or nightmares, avoiding reminders, feeling "
            "on guard or easily startled, and lasting changes in mood and beliefs about yourself "
            "and the world.</p>\n<h2>Usual treatments</h2>\n<p>Trauma-focused therapies, such as "
            "prolonged exposure, cognitive processing therapy and EMDR, have the strongest "
            "evidence. Two SSRIs, sertraline and paroxetine, are FDA-approved for PTSD.</p>\n"
            "<h2>Where ketamine fits</h2>\n<p>In a small trial (Feder et al., JAMA Psychiatry, "
            "2014), a single ketamine infusion reduced PTSD symptoms within 24 hours compared with "
            "an active placebo, and a later small trial by the same group (Am J Psychiatry, 2021) "
            "found that six infusions over two weeks helped people, mostly civilians, with "
            "long-lasting PTSD. A larger trial in 158 veterans and service members (Abdallah et "
            "al., Neuropsychopharmacology, 2022), however, found no clear benefit for PTSD "
            "symptoms, although depression improved at the standard dose. The evidence is "
            "promising but mixed, and ketamine is off-label for PTSD. We usually consider it when "
            "PTSD comes with depression, and we pair it with trauma-focused therapy.</p>"
        ),
        "evidence": "emerging",
        "routes": [
            ["iv-ketamine-infusion", "Off-label; small trials with mixed results"],
        ],
        "contraindications": ["active-substance-use-disorder", "psychosis-history"],
    },
    {
        "slug": "complex-ptsd",
        "name": "Complex PTSD",
        "group": "ptsd-and-trauma",
        "order": 2,
        "summary": (
            "PTSD after long-lasting or repeated trauma, often in childhood, with added difficulty "
            "managing emotions, a deeply negative self-image and trouble in relationships."
        ),
        "description": (
            "<p>Complex PTSD can develop after trauma that went on for a long time or happened "
            "again and again, such as childhood abuse or neglect, domestic violence or captivity. "
            "Along with PTSD symptoms, people often struggle with intense emotions, feelings of "
            "shame or worthlessness, and keeping close relationships. It is recognized in the "
            "World Health Organization's ICD-11.</p>\n<h2>Usual treatments</h2>\n<p>Treatment "
            "usually happens in phases: building safety and coping skills first, then working "
            "through traumatic memories, then rebuilding daily life and relationships.</p>\n"
            "<h2>Where ketamine fits</h2>\n<p>There are almost no controlled studies of ketamine "
            "for complex PTSD itself. Clinics that combine ketamine with psychotherapy report "
            "improvements in people with childhood trauma, but these reports lack comparison "
            "groups. Ketamine can bring up strong emotions and memories, and its dissociative "
            "effects may feel unsettling to people who dissociate as a response to trauma. If it "
            "is considered, we go slowly and work alongside an experienced trauma therapist.</p>"
        ),
        "evidence": "investigational",
        "routes": [
            ["iv-ketamine-infusion", "Off-label; research limited"],
            [
                "sublingual-oral-ketamine",
                "Off-label; used in some therapy-based programs; limited evidence",
            ],
        ],
        "contraindications": ["psychosis-history", "active-substance-use-disorder"],
    },
    {
        "slug": "ocd",
        "name": "Obsessive-compulsive disorder (OCD)",
        "group": "other-conditions",
        "order": 1,
        "summary": (
            "Unwanted, intrusive thoughts (obsessions) and repeated behaviors or mental acts "
            "(compulsions) that take up time and cause distress."
        ),
        "description": (
            "<p>In OCD, unwanted thoughts, images or urges keep pushing into the mind and cause "
            "strong anxiety or discomfort. People feel driven to repeat actions or mental rituals, "
            "such as checking, cleaning, counting or seeking reassurance, to ease that distress, "
            "even when they know it makes little sense.</p>\n<h2>Usual treatments</h2>\n"
            "<p>Exposure and response prevention, a form of CBT, and SSRI medicines are the main "
            "treatments. They often take two to three months to work well.</p>\n<h2>Where ketamine "
            "fits</h2>\n<p>In a small trial of 15 people with near-constant obsessions (Rodriguez "
            "et al., Neuropsychopharmacology, 2013), a single ketamine infusion eased obsessive "
            "thoughts during the infusion, and 4 of the 8 who received ketamine first met the "
            "study's response criteria a week later. Other small studies "
            "have been less encouraging, and the effects seem short-lived. Ketamine remains "
            "investigational for OCD. We consider it only case by case, usually when OCD occurs "
            "with treatment-resistant depression.</p>"
        ),
        "evidence": "investigational",
        "routes": [
            ["iv-ketamine-infusion", "Off-label; small studies only"],
        ],
        "contraindications": [
            "psychosis-history",
            "uncontrolled-hypertension",
            "serious-cardiovascular-disease",
            "pregnancy",
        ],
    },
    {
        "slug": "chronic-pain-with-depression",
        "name": "Chronic pain with depression",
        "group": "other-conditions",
        "order": 2,
        "summary": "Long-lasting pain together with depression; each can make the other worse.",
        "description": (
            "<p>Living with pain for months or years wears people down. Depression is common in "
            "people with chronic pain, and depression can in turn make pain feel worse and harder "
            "to cope with. Treating both together usually works better than treating either "
            "alone.</p>\n<h2>Where ketamine fits</h2>\n<p>Pain specialists use ketamine for some "
            "chronic pain conditions, such as complex regional pain syndrome, usually with longer "
            "infusions and different doses from those used for depression. The evidence for "
            "lasting pain relief is mixed.</p>\n<p>For people with both chronic pain and "
            "depression, ketamine may help the depression, and some people report less pain, but "
            "research in this group is limited. We coordinate with your pain specialist and review "
            "opioid and sedative medicines carefully, because taken with ketamine they add to "
            "sleepiness and can slow breathing. We also watch for bladder and liver problems if "
            "treatment continues for a long time.</p>"
        ),
        "evidence": "investigational",
        "routes": [
            ["iv-ketamine-infusion", "Off-label; pain protocols differ from depression protocols"],
        ],
        "contraindications": ["liver-disease", "bladder-problems"],
    },
    {
        "slug": "suicidal-ideation",
        "name": "Suicidal ideation",
        "group": "other-conditions",
        "order": 3,
        "summary": (
            "Thoughts of ending your life. If you are having these thoughts now, call or text 988, "
            "or call 911 in an emergency."
        ),
        "description": (
            "<p><strong>If you are thinking about suicide, please reach out now: call or text 988 "
            "to reach the 988 Suicide &amp; Crisis Lifeline, or call 911 if you are in immediate "
            "danger.</strong></p>\n<p>Suicidal ideation means thinking about, considering or "
            "planning suicide. It ranges from passing thoughts that life is not worth living to "
            "detailed plans. It is a sign of serious distress, most often linked to depression, "
            "and it deserves urgent attention and care.</p>\n<h2>Where ketamine fits</h2>\n<p>In a "
            "pooled analysis of 10 small studies in people with depression (Wilkinson et al., Am J "
            "Psychiatry, 2018), a single ketamine infusion reduced suicidal thoughts within a day, "
            "and the effect lasted up to a week. In two larger esketamine trials in people with "
            "active suicidal thoughts, depression improved faster than with placebo, but the "
            "measure of suicidal thinking did not differ clearly between the groups. "
            "Esketamine nasal spray (Spravato) is <strong>FDA-approved</strong>, together with an "
            "oral antidepressant, for depressive symptoms in adults with major depression who have "
            "acute suicidal thoughts or behavior. Its label states that it has not been shown to "
            "prevent suicide, and that it does not replace hospital care when that is needed.</p>\n"
            "<ul>\n<li>Ketamine treatment happens alongside crisis care and a written safety plan, "
            "never instead of them.</li>\n<li>Relief after a dose can fade; ongoing treatment and "
            "support matter.</li>\n</ul>"
        ),
        "evidence": "emerging",
        "routes": [
            [
                "intranasal-esketamine",
                (
                    "FDA-approved with an oral antidepressant for depressive symptoms in adults "
                    "with MDD and acute suicidal thoughts or behavior"
                ),
            ],
            [
                "iv-ketamine-infusion",
                "Off-label; single infusions reduced suicidal thoughts within a day in studies",
            ],
        ],
        "contraindications": [
            "psychosis-history",
            "active-substance-use-disorder",
            "uncontrolled-hypertension",
            "serious-cardiovascular-disease",
            "ketamine-allergy",
        ],
    },
    {
        "slug": "eating-disorders",
        "name": "Eating disorders",
        "group": "other-conditions",
        "order": 4,
        "summary": (
            "Conditions such as anorexia nervosa, bulimia nervosa and binge-eating disorder, "
            "involving serious problems with eating and with how people see their body."
        ),
        "description": (
            "<p>Eating disorders are serious illnesses that affect both mind and body. They can "
            "involve restricting food, binge eating, purging, or intense fear of weight gain. They "
            "often occur with depression, anxiety or OCD.</p>\n<h2>Usual treatments</h2>\n<p>Care "
            "is led by a specialist team and includes therapy, nutritional support and medical "
            "monitoring. Family-based treatment helps many young people with anorexia. Recovery is "
            "possible, though it often takes time.</p>\n<h2>Where ketamine fits</h2>\n<p>Only case "
            "reports and small uncontrolled studies exist. Eating disorders can affect heart "
            "rhythm, blood pressure and body salts, and low body weight changes how medicines act, "
            "which all matter for ketamine safety. Ketamine is investigational here. We would "
            "consider it only together with your eating disorder team, usually for co-occurring "
            "depression that has not responded to treatment.</p>"
        ),
        "evidence": "investigational",
        "routes": [
            ["iv-ketamine-infusion", "Off-label; case reports and small studies only"],
        ],
        "contraindications": ["serious-cardiovascular-disease"],
    },
    {
        "slug": "substance-use-disorders",
        "name": "Alcohol and substance use disorders",
        "group": "other-conditions",
        "order": 5,
        "summary": (
            "Ongoing use of alcohol or drugs despite harm, with cravings and difficulty cutting "
            "down or stopping."
        ),
        "description": (
            "<p>Alcohol and drug use disorders are medical conditions, not failures of willpower. "
            "They involve cravings, loss of control over use, and continuing despite harm to "
            "health, work or relationships. Effective treatments include counseling, mutual-help "
            "groups and, for some substances, medicines.</p>\n<h2>Where ketamine fits</h2>\n"
            "<p>Small randomized trials suggest that ketamine combined with psychological therapy "
            "may help some people stay off alcohol or cocaine. In one trial of 55 people (Dakwar "
            "et al., Am J Psychiatry, 2019), a single infusion added to a mindfulness-based "
            "relapse prevention program helped more people with cocaine dependence stay "
            "abstinent than a control medicine. These results need to be "
            "confirmed in larger studies.</p>\n<p>Ketamine itself can be misused. Active, "
            "untreated substance use is usually a reason to delay or avoid ketamine treatment for "
            "depression. Any use of ketamine for addiction belongs in a specialist program, with "
            "therapy built in.</p>"
        ),
        "evidence": "investigational",
        "routes": [
            ["iv-ketamine-infusion", "Off-label; studied only in small trials alongside therapy"],
        ],
        "contraindications": ["active-substance-use-disorder", "bladder-problems"],
    },
    {
        "slug": "end-of-life-distress",
        "name": "End-of-life distress",
        "group": "other-conditions",
        "order": 6,
        "summary": (
            "Depression, anxiety and existential distress in people facing a serious, life-limiting illness."
        ),
        "description": (
            "<p>A serious illness can bring depression, fear and questions about meaning, on top "
            "of physical symptoms. Standard antidepressants may take longer to work than the time "
            "and energy a person has. Palliative care teams support patients and families with "
            "these concerns.</p>\n<h2>Where ketamine fits</h2>\n<p>Small studies in hospice and "
            "palliative care, often using oral ketamine, suggest it may ease depression and "
            "anxiety fairly quickly for some people. The evidence is early and uncontrolled. "
            "Ketamine is also used for pain in palliative care.</p>\n<p>For someone with serious "
            "illness, the decision weighs the effort of travel and monitoring, other medicines, "
            "and personal goals. We work closely with the palliative care team and keep plans "
            "simple and flexible, so that treatment fits around the time and energy that matter "
            "most to you and your family.</p>"
        ),
        "evidence": "investigational",
        "routes": [
            ["sublingual-oral-ketamine", "Off-label; used in some palliative care settings"],
            ["iv-ketamine-infusion", "Off-label; limited research"],
        ],
        "contraindications": ["liver-disease"],
    },
]

ROUTES = [
    {
        "slug": "iv-ketamine-infusion",
        "route_of_administration": "intravenous",
        "name": "IV ketamine infusion",
        "short_name": "IV infusion",
        "order": 1,
        "medication": "Ketamine (generic, racemic), given slowly into a vein",
        "regulatory_status": "off_label",
        "typical_dose": "0.5",
        "dose_unit": "mg/kg",
        "dose_note": "0.5 mg per kg of body weight over about 40 minutes; the prescriber may adjust it",
        "session_length": "About 40 minutes of infusion; plan for about 2 hours at the clinic",
        "schedule_induction": "Usually six infusions over 2 to 3 weeks",
        "schedule_maintenance": (
            "Booster infusions if symptoms return, spaced as far apart as works for you"
        ),
        "observation_period": (
            "Until you are alert and steady, usually 30 to 60 minutes after the infusion ends"
        ),
        "setting": "Medical clinic with monitoring equipment and trained staff",
        "monitoring": (
            "Blood pressure, heart rate, oxygen level and dissociation, checked before, during and "
            "after the infusion"
        ),
        "onset": (
            "Some people notice a change within hours to a day; others only after several "
            "infusions; some do not respond"
        ),
        "requirements": (
            "Medical and psychiatric assessment first; an adult to take you home; no driving until "
            "the next day after a night's sleep"
        ),
        "summary": (
            "The most studied way to use ketamine for depression: a low dose given slowly into a "
            "vein while a nurse monitors you. It is used off-label."
        ),
        "description": (
            "<p>In an IV infusion, a small plastic tube is placed in a vein in your arm or hand, "
            "and ketamine is given slowly by a pump, usually over about 40 minutes. The standard "
            "dose in research and in most clinics is 0.5 mg per kilogram of body weight. For a "
            "person weighing 70 kg, that is 35 mg.</p>\n<p>Because the whole dose goes straight "
            "into the blood, IV treatment gives the most predictable effect. If you feel too "
            "uncomfortable, the nurse can slow or stop the pump, and the effects usually ease "
            "within minutes.</p>\n<p>During the infusion we check your <strong>blood pressure, "
            "heart rate, oxygen level</strong> and how strongly you feel the dissociative effects. "
            "Blood pressure often rises for a short time and then settles. Most effects fade "
            "within about an hour after the infusion ends.</p>\n<p>A common plan is six infusions "
            "over two to three weeks, then a review. Many people who respond need occasional "
            "booster sessions, because the benefit tends to fade over weeks to months. Ketamine is "
            "FDA-approved as an anesthetic; using it for depression is <strong>off-label</strong>, "
            "which is legal and common, but it means the dose and schedule come from research and "
            "clinical experience rather than an approved label.</p>\n<p>Tell us about every medicine you "
            "take: opioids, benzodiazepines, sleeping pills and alcohol add to ketamine's "
            "sedation and can slow breathing, and stimulants can raise blood pressure further, "
            "as the ketamine label warns. After you leave, call 911 for chest pain, a sudden "
            "severe headache, trouble breathing, fainting or confusion; call the clinic for "
            "problems that are not urgent.</p>"
        ),
    },
    {
        "slug": "intranasal-esketamine",
        "route_of_administration": "intranasal",
        "name": "Esketamine nasal spray (Spravato)",
        "short_name": "Nasal esketamine",
        "order": 2,
        "medication": "Esketamine (Spravato), one of the two mirror-image forms of ketamine",
        "regulatory_status": "fda_approved",
        "typical_dose": "56",
        "dose_unit": "mg",
        "dose_note": (
            "First dose: 56 mg in treatment-resistant depression, 84 mg in depression with acute "
            "suicidal thoughts (56 mg if side effects need it); 28 mg per device, 5 minutes apart"
        ),
        "session_length": "Dosing takes about 10 to 15 minutes; the whole visit takes at least 2 hours",
        "schedule_induction": "Twice a week for weeks 1 to 4",
        "schedule_maintenance": (
            "Once a week for weeks 5 to 8; from week 9, once a week or every 2 weeks, at the "
            "lowest frequency that keeps you well"
        ),
        "observation_period": (
            "At least 2 hours after each dose, until a clinician finds you stable to leave"
        ),
        "setting": (
            "A healthcare setting certified under the Spravato REMS safety program; the spray "
            "cannot be taken home"
        ),
        "monitoring": (
            "Blood pressure before dosing, about 40 minutes after, and as needed; sedation, "
            "dissociation and breathing watched for at least 2 hours"
        ),
        "onset": (
            "In trials some people improved within 24 hours; benefit is judged at the end of the "
            "first 4 weeks"
        ),
        "requirements": (
            "Adults with treatment-resistant depression (with an oral antidepressant or on its "
            "own), or with an oral antidepressant for depressive symptoms with acute suicidal "
            "thoughts or behavior; no driving until the next day after a restful sleep"
        ),
        "summary": (
            "The FDA-approved ketamine-based medicine for depression. You use the spray yourself "
            "under supervision at a certified clinic and stay at least 2 hours afterward."
        ),
        "description": (
            "<p>Esketamine is one of the two mirror-image forms that make up ketamine. As the "
            "nasal spray Spravato, it was approved by the FDA in 2019. It is approved for adults "
            "with <strong>treatment-resistant depression</strong>, together with an oral "
            "antidepressant or, since January 2025, on its own. It is also approved, with an oral "
            "antidepressant, for depressive symptoms in adults with major depression who have "
            "<strong>acute suicidal thoughts or behavior</strong>.</p>\n<p>Each device holds 28 mg "
            "and delivers one spray into each nostril. A 56 mg dose uses two devices and an 84 mg "
            "dose uses three, with a 5-minute rest between them. You give the spray yourself while "
            "a staff member watches.</p>\n<p>Because esketamine can cause sleepiness, dissociation "
            "and a rise in blood pressure, it is only given in clinics certified under a federal "
            "safety program called REMS. You stay for <strong>at least 2 hours</strong> after each "
            "dose, and you must not drive until the next day after a restful sleep.</p>\n<p>The "
            "usual schedule is twice a week for four weeks, then weekly for four weeks, then "
            "weekly or every two weeks. Avoid food for 2 hours and liquids for 30 minutes before "
            "each dose, because nausea is common. Because it is FDA-approved, esketamine is more "
            "often covered by insurance than IV ketamine, though coverage rules vary.</p>\n<p>The label "
            "asks for close monitoring when esketamine is used with opioids, benzodiazepines, "
            "alcohol or other sedatives, which add to sleepiness and can slow breathing, and with "
            "stimulants or MAOI antidepressants, which can raise blood pressure. After you get "
            "home, call 911 for chest pain, a sudden severe headache, trouble breathing, fainting "
            "or confusion.</p>"
        ),
    },
    {
        "slug": "sublingual-oral-ketamine",
        "route_of_administration": "sublingual",
        "name": "Sublingual or oral ketamine",
        "short_name": "Sublingual / oral",
        "order": 3,
        "medication": (
            "Ketamine (generic, racemic) as lozenges (troches), dissolving tablets or liquid, "
            "usually made by a compounding pharmacy"
        ),
        "regulatory_status": "off_label",
        "typical_dose": "1",
        "dose_unit": "mg/kg",
        "dose_note": (
            "1 mg/kg is the dose used in one small placebo-controlled trial; doses in practice vary "
            "widely between programs and are set and adjusted by your prescriber"
        ),
        "session_length": "About 1 to 2 hours, including time for the medicine to take effect and wear off",
        "schedule_induction": "Varies; often once or twice a week at first",
        "schedule_maintenance": (
            "Commonly used to help keep improvement going once an IV series is complete"
        ),
        "observation_period": (
            "In the clinic, until you are steady; at home, a sober adult present and no driving "
            "until the next day"
        ),
        "setting": "Clinic, or at home within a supervised program that includes regular check-ins",
        "monitoring": (
            "Blood pressure in the clinic; for home programs, regular check-ins, symptom "
            "questionnaires and small amounts dispensed at a time"
        ),
        "onset": (
            "Effects during a session start within about 15 to 45 minutes and are usually milder "
            "than IV; mood benefit, if any, tends to build over weeks"
        ),
        "requirements": (
            "Careful screening, a written safety plan, safe storage, and a trusted adult present "
            "for home doses"
        ),
        "summary": (
            "Ketamine taken by mouth or dissolved under the tongue. Absorption is lower and less "
            "predictable, and the evidence is thinner, so it is mainly used for maintenance."
        ),
        "description": (
            "<p>Sublingual ketamine is held under the tongue or against the cheek until it "
            "dissolves; oral ketamine is swallowed. Both are usually made by a compounding "
            "pharmacy. Much of a swallowed dose is broken down by the liver before it reaches the "
            "rest of the body, so only about a fifth to a third of it reaches the blood. How much "
            "is absorbed also varies from person to person and from day to day, for example with "
            "how long a lozenge is held before swallowing.</p>\n<p>Effects come on more slowly and "
            "are usually milder than with IV or nasal treatment. Because the dose cannot be "
            "stopped once absorbed, programs start low and adjust slowly.</p>\n<p>The evidence "
            "base is smaller than for IV ketamine or esketamine: a few small controlled trials and "
            "many case series. Sublingual or oral ketamine is most often used to help maintain "
            "improvement after a series of IV infusions, or when IV treatment is not "
            "practical.</p>\n<p>Some programs allow doses at home. That brings extra "
            "responsibilities: there is no nurse to check blood pressure, and a supply of ketamine "
            "at home can be misused or taken by someone else. Responsible programs screen "
            "carefully, dispense small amounts, require a trusted adult to be present, and check "
            "in often. In 2023 the FDA warned that compounded ketamine products are not FDA-approved "
            "and that taking them at home, without a health care provider to watch for sedation, "
            "dissociation, slowed breathing and blood pressure changes, adds risk. Anyone who is "
            "very hard to wake, breathing slowly or with difficulty, or has chest pain, a sudden "
            "severe headache or a seizure after a dose needs a 911 call, not a message to the "
            "clinic. Using ketamine for depression this way is <strong>off-label</strong>.</p>"
        ),
    },
    {
        "slug": "intramuscular-ketamine",
        "route_of_administration": "intramuscular",
        "name": "Intramuscular ketamine",
        "short_name": "IM injection",
        "order": 4,
        "medication": "Ketamine (generic, racemic), injected into a muscle, usually in the upper arm",
        "regulatory_status": "off_label",
        "typical_dose": "0.5",
        "dose_unit": "mg/kg",
        "dose_note": (
            "Often about 0.5 to 1 mg per kg of body weight, given as one injection or split into two"
        ),
        "session_length": (
            "Effects start within minutes and last about 45 to 60 minutes; plan for 1.5 to 2 hours"
        ),
        "schedule_induction": "In many clinics, several sessions over 2 to 3 weeks, similar to IV",
        "schedule_maintenance": "Booster sessions if symptoms return",
        "observation_period": (
            "Until you are alert and steady, usually at least an hour after the injection"
        ),
        "setting": "Medical clinic with monitoring equipment and trained staff",
        "monitoring": (
            "Blood pressure, heart rate, oxygen level and dissociation, checked before and after the dose"
        ),
        "onset": (
            "Faster and more intense at first than an IV infusion, because the dose is given at "
            "once; mood benefit, if any, is judged over several sessions"
        ),
        "requirements": (
            "Medical and psychiatric assessment first; an adult to take you home; no driving until "
            "the next day after a night's sleep"
        ),
        "summary": (
            "A shot of ketamine into a muscle. No IV line is needed and the session is shorter, "
            "but the dose cannot be slowed once given, and it is less studied than IV."
        ),
        "description": (
            "<p>With intramuscular (IM) treatment, ketamine is injected into a muscle, usually the "
            "upper arm. Most of the dose is absorbed into the blood, so it is more predictable "
            "than oral ketamine. Effects begin within a few minutes and peak sooner than with an "
            "IV infusion.</p>\n<p>Some people prefer IM treatment because no IV line is needed and "
            "the session is shorter. The trade-off is control: with an IV infusion the nurse can "
            "slow or stop the pump, but an injection cannot be taken back once it is given. Doses "
            "are based on body weight, often around 0.5 to 1 mg per kilogram, and may be split "
            "into two smaller injections.</p>\n<p>IM ketamine has been studied less than IV "
            "ketamine for depression; only small studies have looked at it. "
            "Some clinics, including those that pair ketamine with psychotherapy, use it "
            "regularly. As with IV treatment, we monitor blood pressure, heart rate and oxygen "
            "level, and you need someone to take you home. Using ketamine for depression this way "
            "is <strong>off-label</strong>.</p>"
        ),
    },
]

CONTRAINDICATIONS = [
    {
        "slug": "psychosis-history",
        "name": "History of psychosis or schizophrenia",
        "kind": "absolute",
        "explanation": (
            "Ketamine can cause hallucination-like experiences, and in people prone to psychosis "
            "it may trigger or worsen psychotic symptoms. For this reason our clinic does not "
            "offer ketamine or esketamine to people with schizophrenia, another psychotic "
            "disorder, or a past psychotic episode, including depression with psychotic features."
        ),
        "routes": [],
        "screening_question": (
            "Have you ever been diagnosed with schizophrenia or another psychotic disorder, or had "
            "an episode of psychosis, such as hearing voices others could not hear?"
        ),
        "order": 1,
    },
    {
        "slug": "uncontrolled-hypertension",
        "name": "Uncontrolled high blood pressure",
        "kind": "absolute",
        "explanation": (
            "Ketamine and esketamine raise blood pressure for a few hours after each dose. If your "
            "blood pressure is already high and not under control, that extra rise could be "
            "dangerous. Stimulant medicines and MAOI antidepressants can add to the rise. Once blood "
            "pressure is well controlled with treatment, ketamine may become an option."
        ),
        "routes": [],
        "screening_question": (
            "Do you have high blood pressure that is not well controlled, or has a doctor recently "
            "told you your blood pressure is too high?"
        ),
        "order": 2,
    },
    {
        "slug": "serious-cardiovascular-disease",
        "name": "Aneurysm, brain bleed, recent heart attack or stroke, or serious heart disease",
        "kind": "absolute",
        "explanation": (
            "The short rise in blood pressure and heart rate can strain weak or damaged blood "
            "vessels and the heart. Esketamine must not be used by people with aneurysmal vascular "
            "disease (in the chest, abdomen, brain or limbs), an arteriovenous malformation, or a "
            "past bleed in the brain, and we apply the same rule to ketamine. A recent heart "
            "attack or stroke, or serious, unstable heart disease, also means we will not offer "
            "treatment."
        ),
        "routes": [],
        "screening_question": (
            "Have you ever had an aneurysm, a bleed in the brain or an arteriovenous malformation, "
            "or have you had a heart attack, stroke or serious heart problem?"
        ),
        "order": 3,
    },
    {
        "slug": "pregnancy",
        "name": "Pregnancy",
        "kind": "absolute",
        "explanation": (
            "Animal studies suggest ketamine and esketamine may harm a developing baby, and there "
            "is too little research in human pregnancy to know the risk. We do not offer them "
            "during pregnancy. If you could become pregnant, we will talk about contraception, and "
            "please tell us right away if you become pregnant during treatment."
        ),
        "routes": [],
        "screening_question": "Are you pregnant, or is there a chance you could be pregnant?",
        "order": 4,
    },
    {
        "slug": "breastfeeding",
        "name": "Breastfeeding",
        "kind": "relative",
        "explanation": (
            "Esketamine passes into breast milk, and its label advises against breastfeeding "
            "during treatment. Little is known about ketamine and breast milk. If you are "
            "breastfeeding, we will weigh the options with you and your baby's doctor, which may "
            "mean choosing a different treatment or pausing breastfeeding."
        ),
        "routes": [],
        "screening_question": "Are you currently breastfeeding?",
        "order": 5,
    },
    {
        "slug": "active-substance-use-disorder",
        "name": "Active alcohol or drug use problem",
        "kind": "relative",
        "explanation": (
            "Ketamine can be misused, and active alcohol or drug problems raise the risk of harm "
            "and may reduce the benefit of treatment. It does not always rule you out: we look at "
            "the whole picture and may ask you to start addiction treatment first. A past problem "
            "that is in recovery is not usually a barrier, but please tell us about it."
        ),
        "routes": [],
        "screening_question": (
            "Are you currently having problems with alcohol or drug use, or have you ever misused ketamine?"
        ),
        "order": 6,
    },
    {
        "slug": "under-18",
        "name": "Younger than 18",
        "kind": "absolute",
        "explanation": (
            "Ketamine treatment for depression has been studied mainly in adults, and esketamine "
            "is not approved for anyone under 18. Our clinic treats adults only. Younger people "
            "are best seen by a child and adolescent psychiatry service."
        ),
        "routes": [],
        "screening_question": "Are you younger than 18?",
        "order": 7,
    },
    {
        "slug": "current-mania",
        "name": "Current mania or hypomania",
        "kind": "absolute",
        "explanation": (
            "In bipolar disorder, ketamine may be considered only during a depressive episode. "
            "During mania or hypomania it could make symptoms worse. If you have bipolar disorder, "
            "we work with your psychiatrist and make sure a mood stabilizer is in place before any "
            "treatment."
        ),
        "routes": [],
        "screening_question": (
            "Are you in a period of unusually high or irritable mood right now, with much less "
            "need for sleep, racing thoughts or risky behavior?"
        ),
        "order": 8,
    },
    {
        "slug": "ketamine-allergy",
        "name": "Previous allergic reaction to ketamine or esketamine",
        "kind": "absolute",
        "explanation": (
            "A true allergic reaction to ketamine or esketamine is rare, but if it has happened it "
            "could happen again and be more severe. The esketamine label lists allergy to "
            "esketamine, ketamine or any of its ingredients as a reason not to use it."
        ),
        "routes": [],
        "screening_question": (
            "Have you ever had an allergic reaction to ketamine or esketamine, for example during "
            "surgery or a procedure?"
        ),
        "order": 9,
    },
    {
        "slug": "liver-disease",
        "name": "Liver disease",
        "kind": "relative",
        "explanation": (
            "The liver breaks down ketamine, so liver disease can make its effects stronger or "
            "longer-lasting. Liver injury has also been reported with frequent, long-term ketamine "
            "use. We may check liver tests and adjust the plan; esketamine is not recommended for "
            "people with severe liver impairment."
        ),
        "routes": [],
        "screening_question": "Do you have liver disease, such as cirrhosis or hepatitis?",
        "order": 10,
    },
    {
        "slug": "raised-intracranial-or-eye-pressure",
        "name": "Raised pressure in the eyes or brain, such as glaucoma",
        "kind": "relative",
        "explanation": (
            "Ketamine can briefly raise pressure inside the eyes and, in some situations, inside "
            "the skull. If you have glaucoma, a recent head injury, a brain tumor or another "
            "condition that raises these pressures, we will check with your specialist before "
            "deciding."
        ),
        "routes": [],
        "screening_question": (
            "Have you been told you have glaucoma or raised pressure in the eye or brain, or have "
            "you had a recent head injury or a brain tumor?"
        ),
        "order": 11,
    },
    {
        "slug": "bladder-problems",
        "name": "Bladder problems or interstitial cystitis",
        "kind": "relative",
        "explanation": (
            "Heavy, frequent misuse of ketamine can seriously damage the bladder, causing pain, "
            "urgency and bleeding. This has not been a common problem at treatment doses, but if "
            "you already have bladder pain, interstitial cystitis or frequent urinary symptoms, we "
            "will monitor closely and may prefer less frequent dosing."
        ),
        "routes": [],
        "screening_question": (
            "Do you have ongoing bladder pain, interstitial cystitis, or frequent, urgent or "
            "painful urination?"
        ),
        "order": 12,
    },
]

CANDIDATE_PROFILES = [
    {
        "title": "Treatment-resistant depression",
        "description": (
            "You have tried at least two antidepressants, each at an adequate dose for an adequate "
            "length of time (usually several weeks), and your depression has not improved enough. "
            "This is the group in whom ketamine and esketamine have been studied most."
        ),
        "order": 1,
    },
    {
        "title": "Depression with suicidal thoughts",
        "description": (
            "You have major depression with acute suicidal thoughts. Ketamine or esketamine may be "
            "considered alongside urgent crisis care, a safety plan and, when needed, a hospital "
            "stay, never instead of them. If you are in crisis now, call or text 988, or call 911."
        ),
        "order": 2,
    },
    {
        "title": "Severe, disabling depression",
        "description": (
            "Depression is seriously affecting your sleep, eating, work or ability to get through "
            "the day, and waiting several weeks for a standard antidepressant to work carries real "
            "risk. Ketamine may bring faster relief for some people."
        ),
        "order": 3,
    },
    {
        "title": "Bipolar depression, during depressive phases only",
        "description": (
            "You have bipolar disorder and are in a depressive episode, with a mood stabilizer in "
            "place and a psychiatrist involved. Ketamine is never started during mania or "
            "hypomania."
        ),
        "order": 4,
    },
    {
        "title": "Depression with anxiety or trauma symptoms",
        "description": (
            "Your depression comes with marked anxiety or PTSD symptoms and has not responded to "
            "standard care. The evidence here is earlier, so we decide case by case, usually "
            "together with therapy."
        ),
        "order": 5,
    },
]
