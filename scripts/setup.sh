#!/usr/bin/env bash
# Installs what is missing for Autograd Lab. Usage: scripts/setup.sh app|test
#   app:  Python runtime packages, Debian graphviz, a CJK font (labels in Chinese lessons) and a
#         Chromium (kaleido drives it to write the Jacobian and Eigen figures as PNG/SVG downloads)
#   test: the above plus test tools (the browser tests use the same Debian chromium)
set -euo pipefail
mode="${1:-app}"
cd "$(dirname "$0")/.."

need_apt=()
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
# Not `grep -q`: it exits at the first match, fc-list then dies of SIGPIPE and, with pipefail, the
# font counted as missing (an apt-get update + install on every run, ~1 min, whenever that race hit).
fc-list : family 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need_apt+=(fonts-noto-cjk)
# Every mode: without a Chromium the heatmap and eigen plot downloads (and `python -m autogradlab
# export`'s) fail. The browser tests need /usr/bin/chromium itself; kaleido takes any on the PATH.
if [ "$mode" = test ]; then
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
else
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || command -v google-chrome >/dev/null 2>&1 || need_apt+=(chromium)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need_apt[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
req=requirements.txt
[ "$mode" = test ] && req=requirements-dev.txt
# Every pin already installed (a machine set up before): nothing for pip to do; asking pip costs ~3 s
# of CPU and 20 s of wall time on a loaded machine. Anything else (missing, other version, not sure):
# pip installs it and the imports are tried.
if "$python" scripts/requirements_met.py "$req"; then
  echo "setup: Python packages present ($req)"
  exit 0
fi
echo "setup: checking Python packages ($req)"
"$python" -m pip install -q --disable-pip-version-check -r "$req" 2>&1 \
  | grep -v -e "is ignored: it is neither a file nor a directory" -e "Running pip as the 'root' user" || true
"$python" -c "import torch, streamlit, graphviz, torchviz, plotly"
