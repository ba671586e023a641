#!/usr/bin/env bash
# How the README's "OpenCL on a GPU" table was made (2026-11-30, one NVIDIA H200, 16 cores).
#   bench/gpu-opencl.sh bundle DIR   on the build machine: DIR/lib (the CLI's jars without Spark, Hadoop
#                                    and PyTorch natives), DIR/jre3.tar.xz (a jlinked Java 17), the ICD loader
#   DIR/gpu-opencl.sh run OUT        on the GPU machine (no Java there, NVIDIA's libnvidia-opencl present)
set -euo pipefail
case "${1:-}" in
  bundle)
    dir=${2:?bundle DIR}; root="$(cd "$(dirname "$0")/.." && pwd)"
    mkdir -p "$dir/lib"; cp "$0" "$dir/"
    cp "$root/cli/target/occam-cli-0.1.0-SNAPSHOT.jar" "$dir/lib/"
    for j in $(tr ':' '\n' < "$root/cli/target/classpath.txt"); do
      case "$j" in *pytorch-native*|*hadoop*|*spark-*|*scala-*|*zstd*|*snappy*) ;; *) cp "$j" "$dir/lib/";; esac
    done
    jlink --add-modules java.base,java.desktop,java.logging,java.management,jdk.unsupported --strip-debug \
      --no-man-pages --no-header-files --compress=0 --output "$dir/jre3"
    tar cJf "$dir/jre3.tar.xz" -C "$dir" jre3 && rm -rf "$dir/jre3"
    (cd "$dir" && apt-get download ocl-icd-libopencl1) ;;
  run)
    out=${2:?run OUT}; cd "$(dirname "$0")"
    mkdir -p /tmp/ocl && dpkg -x ocl-icd-libopencl1_*.deb /tmp/ocl
    export LD_LIBRARY_PATH=/tmp/ocl/usr/lib/x86_64-linux-gnu:${LD_LIBRARY_PATH:-}
    lib=$(ldconfig -p | awk '/libnvidia-opencl.so/{print $NF; exit}')
    mkdir -p /etc/OpenCL/vendors; [ -n "$lib" ] && echo "$lib" > /etc/OpenCL/vendors/nvidia.icd
    tar xJf jre3.tar.xz -C /tmp
    export LD_PRELOAD=/tmp/jre3/lib/libjsig.so   # without it: SIGSEGV, exit 139 (README)
    j=(/tmp/jre3/bin/java -Djava.awt.headless=true -Xmx48g -cp 'lib/*' occam.cli.Occam)
    "${j[@]}" bench sfm --part engines --p 31,97,257 --batches 1,16,64,256,1024 | tee "$out/bench-both.txt"
    for prec in single double; do
      "${j[@]}" bench sfm --part engines --engine opencl --precision $prec --p 31,97,257 --batches 256,1024,4096 \
        | tee "$out/bench-$prec.txt"
    done ;;
  *) echo "usage: $0 bundle DIR | run OUT" >&2; exit 2 ;;
esac
