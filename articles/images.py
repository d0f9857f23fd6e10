"""Checking and cleaning uploaded images: the editor's uploads and featured images share these rules."""

import io
import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # well above any camera photo, far below a decompression bomb
# Pillow format name -> file extension we store it under.
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


def clean_image(upload) -> ContentFile:
    """Return upload re-encoded from its pixels alone, or raise ValidationError saying what is wrong.

    Re-encoding is what removes EXIF (GPS position, camera serial numbers), XMP and text chunks: the
    new file holds only the pixels, turned upright first if the camera recorded a rotation.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            f"This file is {upload.size / 1024 / 1024:.1f} MB; images can be at most 5 MB. "
            "Export a smaller version (2000 pixels wide is plenty) and try again.",
            code="too_big",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()  # checks the file's structure without decoding every pixel
        if image_format not in ALLOWED_FORMATS:
            raise ValidationError(
                f"{image_format} images aren't accepted; use JPEG, PNG, GIF or WebP.", code="format"
            )
        if width * height > MAX_PIXELS:
            raise ValidationError("This image has too many pixels; make it smaller and try again.")
        upload.seek(0)
        with Image.open(upload) as image:
            data = _reencode(image, image_format)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            "This file isn't an image we can read. Upload a JPEG, PNG, GIF or WebP picture.",
            code="not_an_image",
        ) from None
    stem = PurePath(upload.name or "image").stem[:60] or "image"
    return ContentFile(data, name=f"{stem}-{uuid.uuid4().hex[:8]}.{ALLOWED_FORMATS[image_format]}")


def _reencode(image, image_format) -> bytes:
    out = io.BytesIO()
    icc_profile = image.info.get("icc_profile")  # colour, not personal data: keep it
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if getattr(image, "is_animated", False):
        image.save(out, format=image_format, save_all=True, **options)
        return out.getvalue()
    image = ImageOps.exif_transpose(image)
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, format="JPEG", quality=88, optimize=True, **options)
    else:
        image.save(out, format=image_format, **options)
    return out.getvalue()
