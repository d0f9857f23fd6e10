"""Checking and cleaning uploaded images: the editor's uploads and featured images share these rules."""

import io
import secrets
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

from clinic.core.templatetags.images import RENDITION_WIDTHS

# The stated limit: a phone photo (typically 3–12 MB) is accepted and made smaller; past this, refused.
MAX_UPLOAD_MEGABYTES = 20
MAX_UPLOAD_BYTES = MAX_UPLOAD_MEGABYTES * 1024 * 1024
# Larger than the largest rendition the site shows is never seen: stored images are cut down to it.
LARGEST_WIDTH = max(RENDITION_WIDTHS)
# Every refusal ends so: browsers empty a file field after a failed save, so the person must choose it again.
CHOOSE_AGAIN = " Nothing was stored from this file; choose it again once it is ready."
MAX_PIXELS = 40_000_000  # well above any camera photo, far below a decompression bomb
# Where the editor's uploads are stored (under year and month), beside the ImageFields' own folders.
EDITOR_UPLOADS_FOLDER = "uploads"
# Pillow format name -> file extension we store it under.
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
# The only entries of Pillow's image.info a clean copy keeps: colour and transparency, never metadata.
KEPT_INFO = ("icc_profile", "transparency")


def clean_image(upload) -> ContentFile:
    """Return upload re-encoded from its pixels alone, or raise ValidationError saying what is wrong.

    Re-encoding from a fresh copy of the pixels is what removes EXIF (GPS position, camera serial
    numbers), XMP, comments and text chunks; the image is turned upright first if the camera recorded a
    rotation, and one wider than the largest rendition the site shows (LARGEST_WIDTH) is scaled down to it.
    An animation keeps only its first frame: pages show still images (moving images distract
    and need a pause control), and decoding every frame is how a small file exhausts a worker's memory.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            f"This file is {upload.size / 1024 / 1024:.1f} MB; "
            f"images can be at most {MAX_UPLOAD_MEGABYTES} MB. "
            "Export a smaller version (2000 pixels wide is plenty)." + CHOOSE_AGAIN,
            code="too_big",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            frames = getattr(probe, "n_frames", 1)
            probe.verify()  # checks the file's structure without decoding every pixel
        if image_format not in ALLOWED_FORMATS:
            raise ValidationError(
                f"{image_format} images aren't accepted; use JPEG, PNG, GIF or WebP." + CHOOSE_AGAIN,
                code="format",
            )
        _check_pixel_budget(width, height, frames)
        upload.seek(0)
        with Image.open(upload) as image:
            data = _reencode(image, image_format)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError):
        raise ValidationError(
            "This file isn't an image we can read: it may be damaged, or not a picture. Use a JPEG, PNG, GIF "
            "or WebP picture." + CHOOSE_AGAIN,
            code="not_an_image",
        ) from None
    return ContentFile(data, name=unguessable_name(upload.name, ALLOWED_FORMATS[image_format]))


def unguessable_name(original: str | None, extension: str) -> str:
    """Return a file name for a stored image that no one can find by trying names.

    Uploads are public files (a draft's images too), so the name carries 128 random bits; the original's
    stem stays in front of them for people reading a listing, cut so the whole name fits an ImageField's
    100 characters with its folder (articles/YYYY/MM/): a longer name would be cut at the end, token first.
    """
    stem = PurePath(original or "image").stem[:40] or "image"
    return f"{stem}-{secrets.token_hex(16)}.{extension}"


def _check_pixel_budget(width, height, frames):
    # Every frame is counted: a file's pixels are what decoding costs, whatever its size on disk.
    if width * height * frames <= MAX_PIXELS:
        return
    if frames > 1:
        message = (
            f"This animation has {frames} frames of {width} × {height} pixels, too many to process. "
            "Upload a still image (JPEG, PNG or WebP) no larger than about 6000 × 6000 pixels."
        ) + CHOOSE_AGAIN
    else:
        message = (
            f"This image is {width} × {height} pixels, too many to process. Export a smaller version "
            "(2000 pixels wide is plenty)."
        ) + CHOOSE_AGAIN
    raise ValidationError(message, code="too_many_pixels")


def _reencode(image, image_format) -> bytes:
    image.seek(0)
    upright = ImageOps.exif_transpose(image)  # a copy, when the camera recorded a rotation
    pixels = upright.copy() if upright is image else upright
    if pixels.width > LARGEST_WIDTH:
        height = max(1, round(pixels.height * LARGEST_WIDTH / pixels.width))
        pixels = pixels.resize((LARGEST_WIDTH, height), Image.Resampling.LANCZOS)
    # Nothing from the original's metadata is carried over but what drawing the pixels needs.
    pixels.info = {key: image.info[key] for key in KEPT_INFO if key in image.info}
    out = io.BytesIO()
    if image_format == "JPEG" and pixels.mode not in ("RGB", "L"):
        pixels = pixels.convert("RGB")
    options = {"quality": 88, "optimize": True} if image_format == "JPEG" else {}
    icc_profile = pixels.info.get("icc_profile")  # colour, not personal data: keep it
    if icc_profile:
        options["icc_profile"] = icc_profile
    pixels.save(out, format=image_format, **options)
    return out.getvalue()
