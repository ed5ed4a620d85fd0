# Stage 1: build the front-end assets (GOV.UK Frontend and our stylesheet).
FROM node:20-bookworm-slim AS assets
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/*
COPY Makefile package.json package-lock.json ./
COPY static ./static
RUN make static/build/application.css

# Stage 2: the web application, served by gunicorn as an unprivileged user.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH="/app/.venv/bin:$PATH"
WORKDIR /app
# Pango, HarfBuzz and Liberation fonts: WeasyPrint draws the declaration's PDF with them.
RUN apt-get update && apt-get install -y --no-install-recommends make curl \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fontconfig \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 1000 localdigital
COPY . .
COPY --from=assets /app/static/build ./static/build
# The same make targets CI runs; the stamps say the Node step is done. Only the
# built assets come across: node_modules (with the test-only HTML checkers) stays behind.
RUN mkdir -p node_modules && touch node_modules/.package-lock.json && touch static/build/application.css \
    && make static EXTRAS= && rm -rf build *.egg-info

USER localdigital
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1
# Migrations run as a release step (see README), not at every container start.
# The same image is the worker and its scheduler, by its command (compose.yaml):
#   celery -A localdigital worker --loglevel=INFO
#   celery -A localdigital beat --loglevel=INFO
CMD ["gunicorn", "localdigital.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
