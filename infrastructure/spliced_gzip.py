"""One gzip stream from pieces compressed apart: a kept page's fixed parts once, each filling as it changes.

Each piece is raw deflate that ends byte-aligned and not final (a sync flush) and refers to nothing before
itself, so pieces can follow one another in any combination; a final empty block and the whole body's
CRC-32 and length close the stream. Filling a page's holes then costs compressing the fillings (a few KB),
not the page (tens of KB), on every worker after every change.
"""

import struct
import zlib

LEVEL = 6
HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # gzip, deflate, no name, mtime 0, unknown OS
FINAL_BLOCK = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS).flush(zlib.Z_FINISH)


def piece(data: bytes) -> bytes:
    """Return data as a piece: raw deflate, byte-aligned at its end, not the last block."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)


def join(pieces, body: bytes) -> bytes:
    """Return the gzip stream of body made of its pieces, in order."""
    trailer = struct.pack("<II", zlib.crc32(body) & 0xFFFFFFFF, len(body) & 0xFFFFFFFF)
    return HEADER + b"".join(pieces) + FINAL_BLOCK + trailer
