"""Checking and cleaning uploaded images: the editor's uploads and featured images share these rules."""

import io
import math
import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from infrastructure.rate_limit import RateLimit
from infrastructure.templatetags.images import RENDITION_WIDTHS

# The stated limit: a phone photo (typically 3–12 MB) is accepted and made smaller; past this, refused.
MAX_UPLOAD_MEGABYTES = 20
MAX_UPLOAD_BYTES = MAX_UPLOAD_MEGABYTES * 1024 * 1024
# Larger than the largest rendition the site shows is never seen: stored images are cut down to it.
LARGEST_WIDTH = max(RENDITION_WIDTHS)
# Every refusal ends so: browsers empty a file field after a failed save, so the person must choose it again.
CHOOSE_AGAIN = gettext_lazy("Nothing was stored from this file; choose it again once it is ready.")
MAX_PIXELS = 40_000_000  # well above any camera photo, far below a decompression bomb
# Where the editor's uploads are stored (under year and month), beside the ImageFields' own folders.
EDITOR_UPLOADS_FOLDER = "uploads"
# The most pixels one upload may decode, per format (issue 19): decoding and scaling down then stay under
# about 128 MB at their peak, where a 6300 × 6300 PNG took over 300 MB. Measured with Pillow 13: a PNG or GIF
# takes up to 9 bytes a pixel (4 decoded, 4 more to scale transparency), a WebP 15 (libwebp keeps canvases of
# its own). A JPEG is decoded at 1/2, 1/4 or 1/8 of its size whenever that is still wider than what is kept
# (Image.draft), so a camera photo up to MAX_PIXELS fits; only a long, narrow one meets its figure here.
# Pillow's own Image.MAX_IMAGE_PIXELS (89 million) is left alone: these checks come before it would.
MAX_DECODED_PIXELS = {"JPEG": 12_000_000, "PNG": 12_000_000, "GIF": 12_000_000, "WEBP": 6_000_000}
# Pillow format name -> file extension we store it under.
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
# The only entries of Pillow's image.info a clean copy keeps: colour and transparency, never metadata.
KEPT_INFO = ("icc_profile", "transparency")


class TooManyUploads(ValidationError):
    """An upload refused as its uploader is past UPLOAD_RATE_LIMIT; retry_after: seconds until they may."""

    def __init__(self, message, retry_after: int):
        super().__init__(message, code="rate_limited")
        self.retry_after = retry_after


def count_upload(user):
    """Count one image upload by user, or raise TooManyUploads once they are past the limit.

    Called before the file is read, so that refused uploads cost nothing; a refused file counts too.
    """
    minutes = settings.UPLOAD_RATE_MINUTES
    limit = RateLimit("image-uploads", settings.UPLOAD_RATE_LIMIT, minutes * 60)
    if limit.take(user.pk):
        return
    wait = limit.seconds_left()
    uploads = ngettext("%(count)s image upload", "%(count)s image uploads", limit.limit)
    window, later = _minutes(minutes), _minutes(math.ceil(wait / 60))
    raise TooManyUploads(
        _(
            "You have reached the limit of %(uploads)s in %(window)s. Nothing was stored from this file; "
            "upload it again in %(later)s."
        )
        % {"uploads": uploads % {"count": limit.limit}, "window": window, "later": later},
        retry_after=wait,
    )


def _minutes(number):
    return ngettext("%(count)s minute", "%(count)s minutes", number) % {"count": number}


def refused(sentences):
    """Return a refusal's sentences and what every refusal ends with."""
    return f"{sentences} {CHOOSE_AGAIN}"


def clean_image(upload) -> ContentFile:
    """Return upload re-encoded from its pixels alone, or raise ValidationError saying what is wrong.

    Re-encoding from a fresh copy of the pixels is what removes EXIF (GPS position, camera serial
    numbers), XMP, comments and text chunks; the image is turned upright first if the camera recorded a
    rotation, and one wider than the largest rendition the site shows (LARGEST_WIDTH) is scaled down to it.
    An animation keeps only its first frame: pages show still images (moving images distract
    and need a pause control), and decoding every frame is how a small file exhausts a worker's memory.
    What is decoded at once is bounded too (MAX_DECODED_PIXELS), and a JPEG is decoded at reduced size.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        megabytes = f"{upload.size / 1024 / 1024:.1f}"
        raise ValidationError(
            refused(
                _(
                    "This file is %(size)s MB; images can be at most %(limit)s MB. Export a smaller version "
                    "(2000 pixels wide is plenty)."
                )
                % {"size": megabytes, "limit": MAX_UPLOAD_MEGABYTES}
            ),
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
                refused(
                    _("%(format)s images aren't accepted; use JPEG, PNG, GIF or WebP.")
                    % {"format": image_format}
                ),
                code="format",
            )
        _check_pixel_budget(width, height, frames)
        upload.seek(0)
        with Image.open(upload) as image:
            _decode_no_larger_than_kept(image)
            _check_decoded_pixels(image, image_format, width, height)
            data = _reencode(image, image_format)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError):
        raise ValidationError(
            refused(
                _(
                    "This file isn't an image we can read: it may be damaged, or not a picture. Use a JPEG, "
                    "PNG, GIF or WebP picture."
                )
            ),
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
    size = {"frames": frames, "width": width, "height": height}
    if frames > 1:
        message = _(
            "This animation has %(frames)s frames of %(width)s × %(height)s pixels, too many to process. "
            "Upload a still image instead: a JPEG up to about 6000 × 6000 pixels, or a PNG up to 4000 × 3000."
        )
    else:
        message = _(
            "This image is %(width)s × %(height)s pixels, too many to process. Export a smaller version "
            "(2000 pixels wide is plenty)."
        )
    raise ValidationError(refused(message % size), code="too_many_pixels")


def _sideways(image) -> bool:
    # EXIF orientations 5-8: the camera stored the picture on its side, so its height is the width shown.
    return image.getexif().get(ExifTags.Base.Orientation, 1) in (5, 6, 7, 8)


def _kept_size(image) -> tuple[int, int]:
    """Return the size image is stored at, in its stored orientation: no wider than LARGEST_WIDTH upright."""
    width, height = image.size
    shown_width = height if _sideways(image) else width
    if shown_width <= LARGEST_WIDTH:
        return width, height
    scale = LARGEST_WIDTH / shown_width
    return max(1, round(width * scale)), max(1, round(height * scale))


def _decode_no_larger_than_kept(image):
    # Before any pixel is decoded, a JPEG (the one format Pillow can read at reduced size) is set to be read
    # at 1/2, 1/4 or 1/8 of its size, never smaller than what is kept. Its EXIF is in the header, so reading
    # the orientation decodes nothing; a PNG's may come after the pixels, so other formats aren't asked.
    if image.format == "JPEG":
        image.draft(None, _kept_size(image))


def _check_decoded_pixels(image, image_format, width, height):
    limit = MAX_DECODED_PIXELS[image_format]
    if image.width * image.height <= limit:
        return
    figures = {
        "width": width,
        "height": height,
        "millions": limit // 1_000_000,
        "format": "WebP" if image_format == "WEBP" else image_format,
        "jpeg_millions": MAX_PIXELS // 1_000_000,
    }
    if image_format == "JPEG":
        message = _(
            "This image is %(width)s × %(height)s pixels, too many to process: an image this long and "
            "narrow can have at most %(millions)s million pixels. Export a smaller version (2000 pixels wide "
            "is plenty)."
        )
    else:
        message = _(
            "This image is %(width)s × %(height)s pixels, too many to process: %(format)s images can have "
            "at most %(millions)s million pixels (a JPEG photo up to %(jpeg_millions)s million). Export a "
            "smaller version (2000 pixels wide is plenty)."
        )
    raise ValidationError(refused(message % figures), code="too_many_pixels")


def _reencode(image, image_format) -> bytes:
    # One full-size image in memory at most: the decoded one. Scaling down comes first, and turning upright
    # (a copy) and dropping metadata are done on the small result.
    image.load()
    kept_info = {key: image.info[key] for key in KEPT_INFO if key in image.info}
    size = _kept_size(image)
    pixels = image
    if size != image.size:
        pixels = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    if image.getexif().get(ExifTags.Base.Orientation, 1) != 1:
        pixels = ImageOps.exif_transpose(pixels)
    # Nothing from the original's metadata is carried over but what drawing the pixels needs.
    pixels.info = kept_info
    out = io.BytesIO()
    if image_format == "JPEG" and pixels.mode not in ("RGB", "L"):
        pixels = pixels.convert("RGB")
    options = {"quality": 88, "optimize": True} if image_format == "JPEG" else {}
    icc_profile = pixels.info.get("icc_profile")  # colour, not personal data: keep it
    if icc_profile:
        options["icc_profile"] = icc_profile
    pixels.save(out, format=image_format, **options)
    return out.getvalue()
