"""Writes pytorch_model.bin beside this script: a tiny state dict in torch.save's zip format.

No torch needed (and none was available when the fixture was made): the few torch names a state-dict
pickle refers to are stood in for here, so the standard pickler emits the bytes torch.save emits -- protocol 2,
an OrderedDict carrying `_metadata`, each tensor as torch._utils._rebuild_tensor_v2(storage, offset, size,
stride, requires_grad, backward_hooks) with its storage as the persistent id
('storage', torch.<Type>Storage, key, 'cpu', numel) and the storage bytes in archive/data/<key>.

Run: python3 make_pytorch_model_bin.py   (ExperimentKit's PyTorchCheckpointTests pin the values written here.)
"""
import collections
import io
import os
import pickle
import struct
import sys
import types
import zipfile

torch = types.ModuleType("torch")
utils = types.ModuleType("torch._utils")
sys.modules["torch"], sys.modules["torch._utils"] = torch, utils


def _rebuild_tensor_v2(*args):
    raise NotImplementedError("stand-in: only pickled, never called")


_rebuild_tensor_v2.__module__ = "torch._utils"
utils._rebuild_tensor_v2 = _rebuild_tensor_v2
for storage_name in ["FloatStorage", "LongStorage", "HalfStorage", "BoolStorage"]:
    setattr(torch, storage_name, type(storage_name, (), {"__module__": "torch"}))


class Storage:
    def __init__(self, key, kind, fmt, values):
        self.key, self.kind, self.numel = key, getattr(torch, kind), len(values)
        self.data = struct.pack("<%d%s" % (len(values), fmt), *values)


class Tensor:
    def __init__(self, storage, offset, size, stride):
        self.args = (storage, offset, tuple(size), tuple(stride), False, collections.OrderedDict())

    def __reduce_ex__(self, protocol):
        return (_rebuild_tensor_v2, self.args)


class Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            return ("storage", obj.kind, obj.key, "cpu", obj.numel)
        return None


weights = Storage("0", "FloatStorage", "f", [0.5 * i - 1.0 for i in range(6)])
ids = Storage("1", "LongStorage", "q", [3, -7, 2**40])
half = Storage("2", "HalfStorage", "e", [1.5, -2.0])
mask = Storage("3", "BoolStorage", "?", [True, False, True])

state = collections.OrderedDict()
state["encoder.weight"] = Tensor(weights, 0, [2, 3], [3, 1])
# Tied weights share one storage, as HF's tied decoder / embedding do.
state["decoder.weight"] = Tensor(weights, 0, [2, 3], [3, 1])
# A view at an offset, and a transposed (non-contiguous) view, of the same storage.
state["encoder.bias"] = Tensor(weights, 4, [2], [1])
state["encoder.weight_t"] = Tensor(weights, 0, [3, 2], [1, 3])
state["position_ids"] = Tensor(ids, 0, [1, 3], [3, 1])
state["scale"] = Tensor(half, 1, [], [])
state["keep"] = Tensor(mask, 0, [3], [1])
state._metadata = collections.OrderedDict([("", {"version": 1})])

buffer = io.BytesIO()
Pickler(buffer, protocol=2).dump(state)
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pytorch_model.bin")
with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
    archive.writestr("archive/data.pkl", buffer.getvalue())
    archive.writestr("archive/byteorder", "little")
    for storage in [weights, ids, half, mask]:
        archive.writestr("archive/data/" + storage.key, storage.data)
    archive.writestr("archive/version", "3\n")
