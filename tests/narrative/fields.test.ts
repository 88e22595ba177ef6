import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareGroups } from '../../src/llm/narrate-record.js';
import { fieldsSchema } from '../../src/narrative/fields.js';
import { requestGroups } from '../../src/prompts/messages.js';

describe('narrative fields', () => {
  it('the JSON Schema sent is strict-mode safe and the zod schema enforces the bounds', () => {
    const [prepared] = prepareGroups(requestGroups('single'), 'json_schema');
    const wire = JSON.stringify(prepared.format.responseFormat);
    assert.ok(!/minLength|maxLength|pattern/.test(wire));
    assert.match(wire, /"additionalProperties":false/);
    const schema = fieldsSchema(['persona_summary', 'skills_and_expertise_list']);
    assert.ok(schema.safeParse({ persona_summary: 'x'.repeat(120), skills_and_expertise_list: ['a', 'b', 'c'] }).success);
    assert.ok(!schema.safeParse({ persona_summary: 'too short', skills_and_expertise_list: ['a', 'b', 'c'] }).success);
    assert.ok(!schema.safeParse({ persona_summary: `${'x'.repeat(60)}\n${'x'.repeat(60)}`, skills_and_expertise_list: ['a', 'b', 'c'] }).success);
    assert.ok(!schema.safeParse({ persona_summary: 'x'.repeat(120), skills_and_expertise_list: ['a'] }).success);
  });
});
