"""One JSON line per request: its id, the view, the status, how long it took and what the page cache did.

The line names the path and never the query string: a search or anything else a reader typed stays out of
the logs, and the pre-screen's answers are a POST body, which is never read here. The id goes back to the
browser as X-Request-ID, so a reader's report ("request 3f2a…") finds its line. The view is named as the
metrics name it (infrastructure/view_name.py), a page cache hit's too. A view can set request.log_timing =
False (the pre-screen's answer): its line then gives no duration.
"""

import json
import logging
import time
import uuid

from .view_name import view_name

logger = logging.getLogger("clinic.requests")


class RequestLogMiddleware:
    """Outside every middleware but the metrics': the time covers the rest, the page cache's hits included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.request_id = uuid.uuid4().hex
        response = self.get_response(request)
        logger.info(
            json.dumps(
                {
                    "request_id": request.request_id,
                    "method": request.method,
                    "path": request.path,
                    "view": view_name(request),
                    "status": response.status_code,
                    # A view whose timing could tell something about what a reader sent opts out.
                    "duration_ms": (
                        round((time.perf_counter() - started) * 1000, 1)
                        if getattr(request, "log_timing", True)
                        else None
                    ),
                    "cache": getattr(request, "page_cache", "bypass"),
                },
                ensure_ascii=False,
            )
        )
        response["X-Request-ID"] = request.request_id
        return response
