// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- k6 is no package here: an import would not resolve; @types/k6 is the user's.
/// <reference types="k6" />
// k6 run bench/api/k6-api.js -e BASE=http://127.0.0.1:8080 -e NETWORK=ltc -e ADDRESS=ltc1q...
// Types come from @types/k6 when the user has it (npm i -D @types/k6); this repo does not
// install it. Target: p99 < 20 ms at 1,000 requests/s.
/* global __ENV */
import http from 'k6/http';
import { check } from 'k6';

const BASE = __ENV.BASE || 'http://127.0.0.1:8080';
const NETWORK = __ENV.NETWORK || 'ltc';
const ADDRESS = __ENV.ADDRESS || '';

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    stats: {
      executor: 'constant-arrival-rate',
      rate: 1000,
      timeUnit: '1s',
      duration: '30s',
      preAllocatedVUs: 50,
      maxVUs: 200,
    },
  },
  thresholds: {
    http_req_duration: ['p(99)<20'],
    http_req_failed: ['rate<0.001'],
  },
};

export default function () {
  const url =
    ADDRESS !== '' && Math.random() < 0.5
      ? `${BASE}/api/v1/networks/${NETWORK}/miners/${ADDRESS}`
      : `${BASE}/api/v1/networks/${NETWORK}`;
  const res = http.get(url);
  check(res, { 'status 200': (r) => r.status === 200 });
}
