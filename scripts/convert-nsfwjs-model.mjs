#!/usr/bin/env node
// Converts the Keras MobileNetV2 that npm `nsfwjs` ships (topology + uint8-quantized weights,
// bundled as UMD .min.js files: model.min.js exports {modelTopology, weightsManifest},
// group1-shard*.min.js export the weight bytes as base64) into Skyloom's compact model file
// (.skm). The format is specified in src/core/ml/model_file.h; this writer and that reader must
// change together (bump the version).
//
//   node scripts/convert-nsfwjs-model.mjs [--model-dir DIR] --out build/native/models/mobilenet_v2.skm
//
// Weights stay uint8 with the per-tensor (min, scale) nsfwjs ships: 2.6 MB instead of 10.5 MB of
// float32, and no accuracy is lost, because the engine dequantizes exactly like tfjs
// (q * scale + min in double, rounded to float32; min and scale are stored as float64). Idempotent: the output is written to a temp
// file and renamed, and it is byte-identical for the same input. Dropout layers (identity at
// inference) are dropped; anything the engine cannot run is refused here with the layer's name.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

// [SECTION] arguments
function parseArgs(argv) {
  const args = {
    modelDir: path.join(repoRoot, "node_modules/nsfwjs/dist/models/mobilenet_v2"),
    out: null,
    // nsfwjs' class order: dist/cjs/nsfw_classes.js (index = output unit).
    classes: null,
  };
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === "--model-dir") args.modelDir = argv[++i];
    else if (argv[i] === "--out") args.out = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!args.out) throw new Error("usage: convert-nsfwjs-model.mjs [--model-dir DIR] --out FILE");
  return args;
}

function loadClassNames() {
  const { NSFW_CLASSES } = require(path.join(repoRoot, "node_modules/nsfwjs/dist/cjs/nsfw_classes.js"));
  const names = [];
  for (let i = 0; NSFW_CLASSES[i] !== undefined; i++) names.push(NSFW_CLASSES[i]);
  return names;
}

// [SECTION] format constants (mirror src/core/ml/model_file.h)
const MAGIC = "SKYM";
const VERSION = 1;
const Op = { Pad: 1, Conv2D: 2, DepthwiseConv2D: 3, BatchNorm: 4, ReLU: 5, Add: 6,
             AveragePool2D: 7, Flatten: 8, Dense: 9, GlobalAveragePool2D: 10 };
const Act = { linear: 0, relu: 1, softmax: 2 };
const Padding = { valid: 0, same: 1 };
const Encoding = { F32: 0, U8Affine: 1 };

// [SECTION] byte writer
class Writer {
  constructor() { this.chunks = []; this.size = 0; }
  bytes(b) { this.chunks.push(Buffer.from(b)); this.size += b.length; }
  u8(v) { const b = Buffer.alloc(1); b.writeUInt8(v); this.bytes(b); }
  u16(v) { const b = Buffer.alloc(2); b.writeUInt16LE(v); this.bytes(b); }
  u32(v) { const b = Buffer.alloc(4); b.writeUInt32LE(v); this.bytes(b); }
  i32(v) { const b = Buffer.alloc(4); b.writeInt32LE(v); this.bytes(b); }
  f32(v) { const b = Buffer.alloc(4); b.writeFloatLE(v); this.bytes(b); }
  f64(v) { const b = Buffer.alloc(8); b.writeDoubleLE(v); this.bytes(b); }
  buffer() { return Buffer.concat(this.chunks); }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// [SECTION] reading the nsfwjs bundle
function loadBundle(modelDir) {
  const modelJson = require(path.join(modelDir, "model.min.js"));
  const topology = modelJson.modelTopology;
  const manifest = modelJson.weightsManifest;
  if (!topology || !manifest) throw new Error(`${modelDir}/model.min.js: no modelTopology/weightsManifest`);
  const weights = new Map();  // name -> {shape, min, scale, bytes}
  for (const group of manifest) {
    const shards = group.paths.map((p) => {
      const b64 = require(path.join(modelDir, `${p}.min.js`));
      if (typeof b64 !== "string") throw new Error(`${p}.min.js does not export base64 text`);
      return Buffer.from(b64, "base64");
    });
    const data = Buffer.concat(shards);
    let offset = 0;
    for (const spec of group.weights) {
      const count = spec.shape.reduce((a, b) => a * b, 1);
      const q = spec.quantization;
      if (spec.dtype !== "float32" || !q || q.dtype !== "uint8") {
        throw new Error(`weight ${spec.name}: only uint8-quantized float32 is supported`);
      }
      if (offset + count > data.length) throw new Error(`weight ${spec.name}: shard too short`);
      weights.set(spec.name, { shape: spec.shape, min: q.min, scale: q.scale,
                               bytes: data.subarray(offset, offset + count) });
      offset += count;
    }
    if (offset !== data.length) throw new Error(`weights group: ${data.length - offset} bytes left over`);
  }
  return { topology, weights };
}

// [SECTION] conversion
function convert({ topology, weights }, classNames) {
  const config = topology.model_config.config;
  const layers = config.layers;
  if (config.input_layers.length !== 1 || config.output_layers.length !== 1) {
    throw new Error("only single-input, single-output models are supported");
  }
  const inputLayer = layers.find((l) => l.class_name === "InputLayer");
  const [, inH, inW, inC] = inputLayer.config.batch_input_shape;

  // Keras layer name -> slot (0 = model input, k = output of record k-1).
  const slot = new Map([[inputLayer.name, 0]]);
  const records = [];
  const used = new Set();
  const tensor = (layer, param, expectShape) => {
    const w = weights.get(`${layer}/${param}`);
    if (!w) throw new Error(`layer ${layer}: weight ${param} missing`);
    if (expectShape && JSON.stringify(w.shape) !== JSON.stringify(expectShape)) {
      throw new Error(`layer ${layer}: ${param} shape ${w.shape}, expected ${expectShape}`);
    }
    used.add(`${layer}/${param}`);
    return w;
  };
  const constTensor = (count, value) => ({ shape: [count], f32: new Array(count).fill(value) });
  const act = (name, a) => {
    if (!(a in Act)) throw new Error(`layer ${name}: activation ${a} unsupported`);
    return Act[a];
  };
  const convPadding = (name, p) => {
    if (!(p in Padding)) throw new Error(`layer ${name}: padding ${p} unsupported`);
    return Padding[p];
  };

  for (const layer of layers) {
    const c = layer.config;
    const name = layer.name;
    if (layer.class_name === "InputLayer") continue;
    if (layer.inbound_nodes.length !== 1) throw new Error(`layer ${name}: shared layers unsupported`);
    const inputs = layer.inbound_nodes[0].map(([src]) => {
      if (!slot.has(src)) throw new Error(`layer ${name}: input ${src} not defined before it`);
      return slot.get(src);
    });
    if (layer.class_name === "Dropout") {  // identity at inference
      slot.set(name, inputs[0]);
      continue;
    }
    const rec = { name, op: 0, act: Act.linear, inputs, params: [], tensors: [] };
    switch (layer.class_name) {
      case "ZeroPadding2D": {
        const [[top, bottom], [left, right]] = c.padding;
        rec.op = Op.Pad;
        rec.params = [["i", top], ["i", bottom], ["i", left], ["i", right]];
        break;
      }
      case "Conv2D":
      case "DepthwiseConv2D": {
        const depthwise = layer.class_name === "DepthwiseConv2D";
        if (c.data_format !== "channels_last") throw new Error(`layer ${name}: channels_first`);
        rec.op = depthwise ? Op.DepthwiseConv2D : Op.Conv2D;
        rec.act = act(name, c.activation);
        if (rec.act === Act.softmax) throw new Error(`layer ${name}: softmax on a conv`);
        const kernel = tensor(name, depthwise ? "depthwise_kernel" : "kernel");
        const outChannels = depthwise ? kernel.shape[2] * kernel.shape[3] : c.filters;
        rec.params = [["i", c.kernel_size[0]], ["i", c.kernel_size[1]], ["i", c.strides[0]],
                      ["i", c.strides[1]], ["i", c.dilation_rate[0]], ["i", c.dilation_rate[1]],
                      ["i", convPadding(name, c.padding)],
                      ["i", depthwise ? c.depth_multiplier : c.filters]];
        rec.tensors.push(kernel);
        if (c.use_bias) rec.tensors.push(tensor(name, "bias", [outChannels]));
        break;
      }
      case "BatchNormalization": {
        if (c.axis !== -1 && c.axis !== 3) throw new Error(`layer ${name}: axis ${c.axis}`);
        rec.op = Op.BatchNorm;
        rec.params = [["f", c.epsilon]];
        const mean = tensor(name, "moving_mean");
        const n = mean.shape[0];
        rec.tensors.push(c.scale ? tensor(name, "gamma", [n]) : constTensor(n, 1));
        rec.tensors.push(c.center ? tensor(name, "beta", [n]) : constTensor(n, 0));
        rec.tensors.push(mean, tensor(name, "moving_variance", [n]));
        break;
      }
      case "ReLU": {
        if ((c.negative_slope ?? 0) !== 0 || (c.threshold ?? 0) !== 0) {
          throw new Error(`layer ${name}: leaky/thresholded ReLU unsupported`);
        }
        rec.op = Op.ReLU;
        rec.params = [["f", c.max_value == null ? -1 : c.max_value]];
        break;
      }
      case "Activation": {
        if (c.activation === "relu") { rec.op = Op.ReLU; rec.params = [["f", -1]]; }
        else if (c.activation === "relu6") { rec.op = Op.ReLU; rec.params = [["f", 6]]; }
        else throw new Error(`layer ${name}: activation ${c.activation} unsupported`);
        break;
      }
      case "Add":
        if (inputs.length < 2) throw new Error(`layer ${name}: Add with ${inputs.length} inputs`);
        rec.op = Op.Add;
        break;
      case "AveragePooling2D":
        rec.op = Op.AveragePool2D;
        rec.params = [["i", c.pool_size[0]], ["i", c.pool_size[1]], ["i", c.strides[0]],
                      ["i", c.strides[1]], ["i", convPadding(name, c.padding)]];
        if (c.padding !== "valid") throw new Error(`layer ${name}: only valid average pooling`);
        break;
      case "GlobalAveragePooling2D":
        rec.op = Op.GlobalAveragePool2D;
        break;
      case "Flatten":
        rec.op = Op.Flatten;
        break;
      case "Dense": {
        rec.op = Op.Dense;
        rec.act = act(name, c.activation);
        rec.params = [["i", c.units]];
        const kernel = tensor(name, "kernel");
        if (kernel.shape[1] !== c.units) throw new Error(`layer ${name}: kernel ${kernel.shape}`);
        rec.tensors.push(kernel);
        if (c.use_bias) rec.tensors.push(tensor(name, "bias", [c.units]));
        break;
      }
      default:
        throw new Error(`layer ${name}: ${layer.class_name} is not supported by the engine`);
    }
    if (rec.inputs.length !== (rec.op === Op.Add ? rec.inputs.length : 1)) {
      throw new Error(`layer ${name}: expected one input`);
    }
    records.push(rec);
    slot.set(name, records.length);
  }
  const outputName = config.output_layers[0][0];
  if (slot.get(outputName) !== records.length) throw new Error("the output layer is not the last");
  for (const name of weights.keys()) {
    if (!used.has(name)) throw new Error(`weight ${name} belongs to no converted layer`);
  }
  return { input: [inH, inW, inC], records };
}

// [SECTION] serialization
function serialize({ input, records }, classNames) {
  const w = new Writer();
  w.bytes(Buffer.from(MAGIC, "ascii"));
  w.u32(VERSION);
  w.u32(0);  // file size, patched below
  w.u32(input[0]);
  w.u32(input[1]);
  w.u32(input[2]);
  w.u32(classNames.length);
  w.u32(records.length);
  for (const n of classNames) {
    const b = Buffer.from(n, "utf8");
    w.u8(b.length);
    w.bytes(b);
  }
  for (const rec of records) {
    w.u8(rec.op);
    w.u8(rec.act);
    w.u8(rec.inputs.length);
    w.u8(rec.params.length);
    w.u8(rec.tensors.length);
    for (const s of rec.inputs) w.u16(s);
    for (const [kind, v] of rec.params) kind === "i" ? w.i32(v) : w.f32(v);
    for (const t of rec.tensors) {
      w.u8(t.shape.length);
      for (const d of t.shape) w.u32(d);
      if (t.f32) {
        w.u8(Encoding.F32);
        for (const v of t.f32) w.f32(v);
      } else {
        w.u8(Encoding.U8Affine);
        w.f64(t.min);  // float64 as in model.json: tfjs dequantizes in double
        w.f64(t.scale);
        w.bytes(t.bytes);
      }
    }
  }
  const body = w.buffer();
  const file = Buffer.alloc(body.length + 4);
  body.copy(file);
  file.writeUInt32LE(file.length, 8);
  file.writeUInt32LE(crc32(file.subarray(0, body.length)), body.length);
  return file;
}

function main() {
  const args = parseArgs(process.argv);
  const classNames = loadClassNames();
  const converted = convert(loadBundle(args.modelDir), classNames);
  const file = serialize(converted, classNames);
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  const tmp = `${args.out}.tmp${process.pid}`;
  fs.writeFileSync(tmp, file);
  fs.renameSync(tmp, args.out);
  console.log(`convert-nsfwjs-model: ${converted.records.length} layers, ${file.length} bytes -> ${args.out}`);
}

main();
