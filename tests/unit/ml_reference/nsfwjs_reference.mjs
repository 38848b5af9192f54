#!/usr/bin/env node
// The classifier's reference: nsfwjs 4.4.0 with @tensorflow/tfjs 4.22 (pure JS, cpu backend)
// classifying binary PPM images, written as JSON for skyloom-ml-reference-check.
//
//   node nsfwjs_reference.mjs OUT.json IMAGE.ppm...
//
// Feed order, explicitly: each image goes to nsfwjs' classify() at its original size as an
// int32 [height, width, 3] tensor of the PPM's bytes, so nsfwjs does its own preprocessing
// (divide by 255, then tf.image.resizeBilinear to 224x224 with alignCorners = true unless the
// image is already 224x224). Our engine gets the same bytes and must reproduce that.
// Output: {"classes": [names in model order], "images": {"file.ppm": [p per class]}}.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
const fromRepo = (p) => require(path.join(repoRoot, "node_modules", p));

function readPpm(file) {
  const data = fs.readFileSync(file);
  let pos = 0;
  const token = () => {
    for (;;) {
      while (pos < data.length && /\s/.test(String.fromCharCode(data[pos]))) pos++;
      if (data[pos] !== 0x23) break;  // '#' comment to end of line
      while (pos < data.length && data[pos] !== 0x0a) pos++;
    }
    const start = pos;
    while (pos < data.length && !/\s/.test(String.fromCharCode(data[pos]))) pos++;
    return data.toString("latin1", start, pos);
  };
  if (token() !== "P6") throw new Error(`${file}: not a binary PPM`);
  const width = Number(token()), height = Number(token()), max = Number(token());
  if (max !== 255) throw new Error(`${file}: max value ${max}`);
  pos++;  // the single whitespace byte after the header
  const pixels = data.subarray(pos, pos + width * height * 3);
  if (pixels.length !== width * height * 3) throw new Error(`${file}: truncated`);
  return { width, height, pixels };
}

async function main() {
  const [out, ...images] = process.argv.slice(2);
  if (!out || images.length === 0) throw new Error("usage: nsfwjs_reference.mjs OUT.json IMAGE.ppm...");
  const tf = fromRepo("@tensorflow/tfjs");
  await tf.setBackend("cpu");
  await tf.ready();
  // nsfwjs reads its bundled model from these UMD globals when they are set, which loads in
  // ~1.3 s instead of ~5 s through its dynamic imports.
  const modelDir = "nsfwjs/dist/models/mobilenet_v2";
  globalThis.model = fromRepo(`${modelDir}/model.min.js`);
  globalThis.group1_shard1of1 = fromRepo(`${modelDir}/group1-shard1of1.min.js`);
  const { NSFW_CLASSES } = fromRepo("nsfwjs/dist/cjs/nsfw_classes.js");
  const nsfwjs = fromRepo("nsfwjs");
  const silence = console.info;
  console.info = () => {};  // nsfwjs' hosting advice on every load
  const model = await nsfwjs.load("MobileNetV2");
  console.info = silence;
  const classes = Object.keys(NSFW_CLASSES).sort((a, b) => a - b).map((k) => NSFW_CLASSES[k]);
  const result = { backend: tf.getBackend(), tfjs: tf.version.tfjs, classes, images: {} };
  for (const file of images) {
    const { width, height, pixels } = readPpm(file);
    const tensor = tf.tensor3d(Int32Array.from(pixels), [height, width, 3], "int32");
    const predictions = await model.classify(tensor, classes.length);
    tensor.dispose();
    const probabilities = classes.map((name) => predictions.find((p) => p.className === name).probability);
    result.images[path.basename(file)] = probabilities;
  }
  const tmp = `${out}.tmp${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(result, null, 1));
  fs.renameSync(tmp, out);
}

main().catch((e) => {
  console.error(`nsfwjs_reference: ${e.stack || e}`);
  process.exit(1);
});
