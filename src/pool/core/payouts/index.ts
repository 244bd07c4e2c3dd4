export { selectWindow, windowWorkFor, type PplnsShare, type WorkFactor } from './window.js';
export { splitPplns, type PplnsCredit, type PplnsSplit } from './split.js';
export { comparePplnsSplits, type CreditDifference, type PplnsSplitComparison } from './compare.js';
