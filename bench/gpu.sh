#!/usr/bin/env bash
# The benchmarks on one NVIDIA GPU. Needs the .NET 10 SDK, an NVIDIA driver for CUDA 12.8, a NuGet feed that serves
# libtorch-cuda-12.8-linux-x64 (nuget.org does; this project's mirror does not), and the shared data at ../shared/data.
# Run from the repository root: bash bench/gpu.sh. Results land in bench/results/ like the CPU ones.
set -euo pipefail
cd "$(dirname "$0")/.."

nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv

# The CUDA build of LibTorch instead of the CPU one (Directory.Packages.props, TorchBackend).
dotnet build -c Release -p:TorchBackend=cuda bench/ExperimentKit.Benchmarks
dotnet build -c Release -p:TorchBackend=cuda ExperimentKit.Cli.csproj

bench() { dotnet run -c Release -p:TorchBackend=cuda --no-build --project bench/ExperimentKit.Benchmarks -- "$@"; }

# Training throughput and MFU: both shapes, every batch size, both orders (picks CUDA when LibTorch reports it).
bench training --shapes minilm,bert-base --batches 8,16,32 --orders dynamic,grouped --steps 50 --warmup 5 --budget-seconds 100000

# The main job end to end, by phase (training.use_cpu is false by default, so it runs on the GPU).
bench main-job --configuration Release --max-steps 0

# The seed recipe the design card's goal is about: bert-base on MRPC, 3 epochs, bf16 autocast (needs the checkpoint
# bert-base-uncased in the Hugging Face cache); the goal is <= 40 s of train_runtime on one H100.
dotnet run -c Release -p:TorchBackend=cuda --no-build --project ExperimentKit.Cli.csproj -- experiments/mrpc-bert-base.yaml --set training.bf16=true

# The Scalar race on the GPU build: 10 minutes each way.
bench scalar-stress --minutes 10 --old-path
bench scalar-stress --minutes 10
