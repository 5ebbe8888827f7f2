#!/usr/bin/env node
// Copies one platform's Pact engine out of its npm package, at the version and integrity pinned in package-lock.json.
//   node fetch-engine.mjs <npm package> <path inside the package> <destination file>
// The package installed by `npm ci` (this machine's platform) is used when it is the pinned version; any other platform's
// package is fetched with `npm pack` (the npm cache makes a second fetch free), its sha512 checked against the lock, and
// the one file extracted. The destination is written by rename, so builds running side by side never see half a file.
// Called by eng/Pact.targets; nothing it writes is committed (tools/pact/obj/ is ignored).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [name, pathInPackage, destination] = process.argv.slice(2);
if (!name || !pathInPackage || !destination) {
  fail("usage: node fetch-engine.mjs <npm package> <path inside the package> <destination file>");
}

const here = dirname(fileURLToPath(import.meta.url));
const lock = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8"));
const pinned = lock.packages?.[`node_modules/${name}`];
if (!pinned?.version || !pinned?.integrity) {
  fail(`${name} is not pinned in tools/pact/package-lock.json; add it to package.json optionalDependencies and run npm install --package-lock-only.`);
}

const target = resolve(destination);
mkdirSync(dirname(target), { recursive: true });
const partial = `${target}.${process.pid}.partial`;

const installed = join(here, "node_modules", name);
if (existsSync(join(installed, pathInPackage)) && readJson(join(installed, "package.json"))?.version === pinned.version) {
  copyFileSync(join(installed, pathInPackage), partial);
} else {
  const scratch = mkdtempSync(join(tmpdir(), "harness-pact-engine-"));
  try {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const packed = JSON.parse(execFileSync(npm, ["pack", `${name}@${pinned.version}`, "--json", "--pack-destination", scratch],
      { cwd: scratch, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], shell: process.platform === "win32" }));
    const tarball = join(scratch, packed[0].filename);
    const [algorithm, expected] = pinned.integrity.split("-", 2);
    const actual = createHash(algorithm).update(readFileSync(tarball)).digest("base64");
    if (actual !== expected) {
      fail(`${name}@${pinned.version}: the fetched tarball's ${algorithm} is ${actual}, the lock pins ${expected}.`);
    }
    execFileSync("tar", ["-xzf", tarball, "-C", scratch, `package/${pathInPackage}`], { stdio: "inherit" });
    copyFileSync(join(scratch, "package", pathInPackage), partial);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
renameSync(partial, target);
console.log(`${name}@${pinned.version} ${pathInPackage} -> ${target}`);

function readJson(file) {
  try { return JSON.parse(readFileSync(file, "utf8")); } catch { return undefined; }
}

function fail(message) {
  console.error(`fetch-engine: ${message}`);
  process.exit(1);
}
