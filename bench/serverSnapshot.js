// A private build of the server at a git commit (default HEAD), so a long benchmark is not affected
// by server/out being rebuilt from work in progress meanwhile: `git archive` of server/ into
// .cache/bench/server-<commit>/, node_modules linked to the checkout's, compiled with tsc and bundled
// with esbuild as scripts/bundle.js does (the bundle is what the extension runs, and what is measured).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.join(__dirname, '..');

/** The server and its analysis worker bundled into DIR/server/dist (as scripts/bundle.js does). */
function bundle(dir) {
  const esbuild = require('esbuild');
  for (const [entry, out] of [['server/src/server.ts', 'server/dist/server.js'], ['server/src/index/analysisWorker.ts', 'server/dist/analysisWorker.js']]) {
    esbuild.buildSync({ bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', absWorkingDir: dir, entryPoints: [entry], outfile: out });
  }
}

/** Returns { serverJs, commit, dir } (serverJs: the bundle); builds once per commit. */
function snapshotServer(ref = 'HEAD', log = () => undefined) {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT }).toString().trim();
  const dir = path.join(ROOT, '.cache', 'bench', `server-${commit}`);
  const serverJs = path.join(dir, 'server', 'dist', 'server.js');
  if (fs.existsSync(serverJs)) return { serverJs, commit, dir };
  if (fs.existsSync(path.join(dir, 'server', 'out', 'server.js'))) {
    bundle(dir); // a snapshot made before the bench measured the bundle
    return { serverJs, commit, dir };
  }
  log(`building a snapshot of the server at ${commit} in ${path.relative(ROOT, dir)}…`);
  // Built in a private folder, then renamed into place, so concurrent runs do not trip over each other.
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const tar = path.join(tmp, 'src.tar');
  execFileSync('git', ['archive', '--format=tar', '-o', tar, commit, 'server', 'tsconfig.base.json', 'package.json'], { cwd: ROOT });
  execFileSync('tar', ['-xf', tar, '-C', tmp]);
  fs.rmSync(tar);
  fs.rmSync(path.join(tmp, 'server', 'out'), { recursive: true, force: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', path.join(tmp, 'server')], { cwd: tmp, stdio: 'inherit' });
  bundle(tmp);
  try {
    fs.renameSync(tmp, dir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another run finished first
  }
  if (!fs.existsSync(serverJs)) throw new Error(`the snapshot build did not produce ${serverJs}`);
  return { serverJs, commit, dir };
}

module.exports = { snapshotServer };
