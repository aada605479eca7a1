#!/usr/bin/env node
// Kept for scripts and tests that run bin/ledger.js; the package's `ledger` is bin/ledger.cjs.
import './ledger.cjs';
