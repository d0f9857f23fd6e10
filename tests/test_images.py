import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from infrastructure.templatetags import images
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def jpeg(size=(1600, 900)):
    out = io.BytesIO()
    Image.new("RGB", size, "#336699").save(out, format="JPEG")
    return ContentFile(out.getvalue(), name="room.jpg")


def test_renditions_are_webp_with_dimensions_and_never_the_original():
    article = ArticleFactory(featured_image=jpeg(), featured_image_alt="A quiet room")
    tag = images.responsive_image(article.featured_image, "A quiet room")
    assert article.featured_image.url not in tag
    assert tag.count(".webp") == 4  # src plus three srcset widths
    assert "400w" in tag and "800w" in tag and "1200w" in tag
    assert 'width="800" height="450"' in tag and 'loading="lazy"' in tag and 'alt="A quiet room"' in tag


def test_small_originals_are_not_upscaled():
    article = ArticleFactory(featured_image=jpeg((300, 200)), featured_image_alt="Small")
    tag = images.responsive_image(article.featured_image, "Small")
    assert tag.count(".webp") == 2 and "300w" in tag and 'width="300" height="200"' in tag


def test_finished_tag_is_reused_but_a_new_alt_text_shows_at_once(monkeypatch):
    article = ArticleFactory(featured_image=jpeg(), featured_image_alt="First words")
    first = images.responsive_image(article.featured_image, "First words", eager=True)

    def no_more_lookups(*args, **kwargs):
        raise AssertionError("renditions looked up again")

    monkeypatch.setattr(images, "get_thumbnail", no_more_lookups)
    assert images.responsive_image(article.featured_image, "First words", eager=True) == first
    monkeypatch.undo()
    changed = images.responsive_image(article.featured_image, "Better words", eager=True)
    assert 'alt="Better words"' in changed and 'fetchpriority="high"' in changed


def test_alt_text_is_escaped():
    article = ArticleFactory(featured_image=jpeg())
    tag = images.responsive_image(article.featured_image, '"><script>alert(1)</script>')
    assert "<script>" not in tag and "&quot;&gt;&lt;script&gt;" in tag
