// Reads and writes Roaring portable bytes with roaring-wasm (CRoaring compiled to WebAssembly), so TagCenter's
// C# bitmaps can be checked against an independent implementation.
//   node roaring.js read <in.bin>                    prints {"size":n,"values":[...]} as JSON
//   node roaring.js write <values.json> <out.bin> [--optimize]
//   node roaring.js golden <dir>                     writes the golden files the C# tests compare with
"use strict";
const fs = require("fs");
const path = require("path");
const { RoaringBitmap32, roaringLibraryInitialize } = require("roaring-wasm");

// The golden sets; RoaringPortableFormatGoldenTests builds the same ones in C#.
function goldenSets() {
  const noRuns = [1, 2, 3, 1000, 65535, 65536 + 5];
  for (let v = 3 * 65536; v < 3 * 65536 + 15000; v += 3) noRuns.push(v); // 5000 values: a bitset
  const runsSmall = [];
  for (let v = 10; v < 20000; v++) runsSmall.push(v); // one run
  runsSmall.push(70000, 70002, 70004); // an array
  const runsLarge = [...runsSmall];
  for (let v = 2 * 65536; v < 2 * 65536 + 20000; v += 2) runsLarge.push(v); // 10000 values, 10000 runs: a bitset
  for (let v = 4 * 65536 + 100; v < 4 * 65536 + 300; v++) runsLarge.push(v); // a run
  for (let v = 7 * 65536; v < 8 * 65536; v++) runsLarge.push(v); // a full container: one run
  runsLarge.push(0xffffffff);
  return { "golden-no-runs": [noRuns, false], "golden-runs-small": [runsSmall, true], "golden-runs-large": [runsLarge, true] };
}

function build(values, optimize) {
  const bitmap = new RoaringBitmap32();
  bitmap.addMany(values);
  if (optimize) bitmap.optimize();
  return bitmap;
}

async function main(args) {
  await roaringLibraryInitialize();
  const [command, a, b] = args;
  if (command === "read") {
    const bitmap = RoaringBitmap32.deserialize(new Uint8Array(fs.readFileSync(a)), "portable");
    process.stdout.write(JSON.stringify({ size: bitmap.size, values: bitmap.toArray() }));
    bitmap.dispose();
  } else if (command === "write") {
    const bitmap = build(JSON.parse(fs.readFileSync(a, "utf8")), args.includes("--optimize"));
    fs.writeFileSync(b, bitmap.serialize("portable"));
    bitmap.dispose();
  } else if (command === "golden") {
    for (const [name, [values, optimize]] of Object.entries(goldenSets())) {
      const bitmap = build(values, optimize);
      fs.writeFileSync(path.join(a, name + ".bin"), bitmap.serialize("portable"));
      bitmap.dispose();
    }
  } else {
    process.stderr.write("usage: node roaring.js read <in.bin> | write <values.json> <out.bin> [--optimize] | golden <dir>\n");
    process.exit(2);
  }
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
