// dependency-cruiser's CLI (`depcruise`) with its options, also on Node 20: its bin refuses Node < 22
// (its `engines`), while the project runs on Node ≥ 20.19 and the CLI's code works there. Same
// options as `depcruise`: [--config file] [--output-type t] [--output-to f] [--ignore-known [file]] paths…
import cli from '../node_modules/dependency-cruiser/src/cli/index.mjs';

const options = { config: '.dependency-cruiser.cjs', outputType: 'err' };
const paths = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => args[++i];
  if (a === '--config' || a === '-c') options.config = value();
  else if (a === '--output-type' || a === '-T') options.outputType = value();
  else if (a === '--output-to' || a === '-f') options.outputTo = value();
  else if (a === '--ignore-known')
    options.ignoreKnown = args[i + 1] && !args[i + 1].startsWith('-') && args[i + 1].endsWith('.json') ? value() : true;
  else if (a.startsWith('-')) throw new Error(`scripts/depcruise.mjs: unknown option ${a}`);
  else paths.push(a);
}
process.exitCode = await cli(paths, options);
