#!/usr/bin/env bash
# Installs cunwu into .venv beside this file, saying each step in Chinese.
# `bash setup.sh test` also installs what the tests need. A package mirror is used when
# PIP_INDEX_URL is set (see README: installing in China); nothing is forced.
set -euo pipefail
cd "$(dirname "$0")"
what="."
if [ "${1:-}" = "test" ]; then what=".[test]"; fi

echo "【1/2】创建 Python 虚拟环境 .venv（只在这个文件夹里，不改动系统）……"
if [ -x .venv/bin/python ]; then
  echo "　　.venv 已经存在，继续使用。"
else
  python3 -m venv .venv
fi
echo "【2/2】安装 cunwu 和它用到的软件包（MkDocs、Material 主题、jieba 分词等；第一次约 50 MB）……"
if [ -n "${PIP_INDEX_URL:-}" ]; then
  echo "　　从镜像下载：${PIP_INDEX_URL}"
else
  echo "　　从 pypi.org 下载；在国内较慢时，可以改用镜像，见 README 的“在国内安装”。"
fi
.venv/bin/pip install --disable-pip-version-check -e "$what"
echo "安装完成。以后的命令都以 .venv/bin/ 开头，例如 .venv/bin/cunwu check。"
