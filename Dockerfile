# syntax=docker/dockerfile:1
# The interface's translations, compiled from locale/*/LC_MESSAGES/*.po: compiled catalogues are not kept in
# git. A stage of its own, so gettext stays out of the image that runs.
FROM python:3.11-slim AS messages
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
COPY locale /locale
RUN find /locale -name '*.po' -exec sh -c 'msgfmt --check -o "${1%.po}.mo" "$1"' _ {} \;

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000

WORKDIR /app

RUN groupadd --system --gid 10001 clinic \
    && useradd --system --uid 10001 --gid clinic --home-dir /app --no-create-home clinic

COPY requirements.txt .
RUN pip install -r requirements.txt

# Only what the container runs: no tests, development tools (tools/) or CI files, and no demo clinic
# (content/demo/): the clinical library is in, for `manage.py load_library`.
COPY --chown=10001:10001 manage.py gunicorn.conf.py ./
COPY --chown=10001:10001 clinic clinic
COPY --chown=10001:10001 articles articles
COPY --chown=10001:10001 library library
COPY --chown=10001:10001 conditions conditions
COPY --chown=10001:10001 editorial editorial
COPY --chown=10001:10001 domain domain
COPY --chown=10001:10001 infrastructure infrastructure
COPY --chown=10001:10001 templates templates
COPY --chown=10001:10001 static static
COPY --chown=10001:10001 content/library content/library
COPY --chown=10001:10001 --from=messages /locale locale

# collectstatic needs settings that load; the build-time key is thrown away with this layer's environment.
RUN DJANGO_SECRET_KEY=build-only-key-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH \
    python manage.py collectstatic --no-input -v 0 \
    && mkdir -p /app/media && chown 10001:10001 /app/media

USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "clinic/healthcheck.py"]

CMD ["gunicorn", "clinic.wsgi:application", "--config", "gunicorn.conf.py"]
