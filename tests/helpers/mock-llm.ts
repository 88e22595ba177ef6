/**
 * The loopback mock LLM for tests and benchmarks. It lives in src/llm/ (users run it as `gen-stream mock-llm`);
 * this re-export keeps the tests' imports where they were.
 */
export { DEFAULT_MOCK, MockLlm, type MockOptions, type MockStats } from '../../src/llm/mock-server.js';
export { mockContent } from '../../src/llm/mock-content.js';
