import type { DocumentVersionView } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import { suggestedStageName } from './SaveVersionModal';

const v = (name: string, kind: DocumentVersionView['kind'] = 'named') => ({ name, kind }) as DocumentVersionView;

describe('suggestedStageName', () => {
  it('offers the stage after the latest usual one already saved', () => {
    expect(suggestedStageName([])).toBe('初稿');
    expect(suggestedStageName([v('初稿')])).toBe('征求意见稿');
    expect(suggestedStageName([v('初稿'), v('征求意见稿'), v('自定义')])).toBe('修改稿');
    expect(suggestedStageName([v('表决稿')])).toBe('定稿');
    expect(suggestedStageName([v('定稿')])).toBe('定稿');
  });

  it('ignores the copies saved automatically before a restore', () => {
    expect(suggestedStageName([v('初稿', 'before_restore')])).toBe('初稿');
  });
});
