"""The article pages' schema.org nodes, built from the shared graph helpers of domain.structured_data."""

from domain.structured_data import Absolute, clinic_id, language_tag, medical_web_page, named_person, person


def article_nodes(article, absolute: Absolute, image_url: str = "") -> list[dict]:
    """Return the MedicalWebPage whose mainEntity is the article's BlogPosting, plus the people involved."""
    url = article.get_absolute_url()
    author = person(article.author, absolute)
    # A reviewer with an author page is a node of the graph; one without is named where they are cited.
    profile = article.reviewer_profile
    reviewer = person(profile, absolute) if profile else None
    posting = {
        "@type": "BlogPosting",
        "@id": absolute(url) + "#article",
        "headline": article.title,
        "description": article.summary,
        "author": {"@id": author["@id"]},
        "publisher": {"@id": clinic_id(absolute)},
        "mainEntityOfPage": {"@id": absolute(url) + "#webpage"},
        "wordCount": article.word_count,
        "timeRequired": f"PT{article.reading_time}M",
        "inLanguage": language_tag(),
        "citation": [
            {
                "@type": "CreativeWork",
                "name": citation.source.text,
                **({"url": citation.source.link} if citation.source.link else {}),
            }
            for citation in article.citations.all()
        ],
        "keywords": [tag.name for tag in article.tags.all()],
        "about": [
            {
                "@type": "MedicalCondition",
                "name": condition.name,
                "url": absolute(condition.get_absolute_url()),
            }
            for condition in article.related_conditions.all()
            if condition.is_listed
        ],
    }
    if article.dek:
        posting["alternativeHeadline"] = article.dek
    if article.published_at:
        posting["datePublished"] = article.published_at.isoformat()
    posting["dateModified"] = article.updated_at.isoformat()
    if article.category_id:
        posting["articleSection"] = article.category.name
    if image_url:
        posting["image"] = absolute(image_url)
    if article.original_publication_name:
        posting["isBasedOn"] = {
            "@type": "CreativeWork",
            "name": article.original_publication_name,
            **({"url": article.original_publication_url} if article.original_publication_url else {}),
        }
    page = medical_web_page(
        url,
        article.seo_title or article.title,
        article.seo_description or article.summary,
        posting["@id"],
        absolute,
        last_reviewed=article.last_reviewed,
        specialty="Psychiatric",
        reviewedBy={"@id": reviewer["@id"]} if reviewer else named_person(article.reviewer),
        primaryImageOfPage=absolute(image_url) if image_url else None,
    )
    people = [author] + ([reviewer] if reviewer and reviewer["@id"] != author["@id"] else [])
    return [page, {key: value for key, value in posting.items() if value not in ([], "")}, *people]
