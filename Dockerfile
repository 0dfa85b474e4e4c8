# Autograd Lab for a class: one container serves one machine's worth of students (see README,
# "Host it for a class"). Build: docker build -t autogradlab .   Run: docker run -p 8501:8501 autogradlab
FROM python:3.11-slim

# graphviz draws the graphs (SVG, PNG, PDF); the CJK font renders the lessons' Chinese labels in
# exported figures; chromium is the browser kaleido (requirements.txt) drives to write plotly figures
# as PNG/SVG (`python -m autogradlab export`: the Jacobian heatmaps).
RUN apt-get update \
 && apt-get install -y --no-install-recommends graphviz fonts-noto-cjk chromium \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 lab
WORKDIR /app
COPY requirements.txt .
# PyTorch's CPU-only wheels (torch==2.13.0 resolves to 2.13.0+cpu): no CUDA libraries (~2 GB) that a
# class server never uses.
RUN pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu -r requirements.txt
COPY --chown=lab:lab . .

USER lab
ENV PYTHONUNBUFFERED=1 \
    AUTOGRADLAB_WORKERS=""
EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2).read() != b'ok')"
# serve.py starts the sandbox workers with the server, then runs Streamlit with .streamlit/config.toml.
CMD ["python", "scripts/serve.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
