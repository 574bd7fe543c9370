import { describe, expect, test } from 'vitest';
import { episodeStatusOn, heldEpisodeStatusThroughout, matchesFilters } from '../../src/index.js';
import { makeLearner, RUN_DATE } from './learner-fixture.js';

describe('episodeStatusOn', () => {
  test('end on the date is leaver', () => {
    expect(episodeStatusOn({ startDate: '2025-01-06', actualEndDate: RUN_DATE }, RUN_DATE)).toBe(
      'leavers',
    );
  });

  test('end after the date is in learning', () => {
    const episode = { startDate: '2025-01-06', actualEndDate: '2026-12-08' };

    expect(episodeStatusOn(episode, RUN_DATE)).toBe('inLearning');
  });

  test('start on the date is in learning', () => {
    expect(episodeStatusOn({ startDate: RUN_DATE }, RUN_DATE)).toBe('inLearning');
  });

  test('start after the date is yet to start', () => {
    expect(episodeStatusOn({ startDate: '2026-12-08' }, RUN_DATE)).toBe('yetToStart');
  });

  test('no dates is yet to start', () => {
    expect(episodeStatusOn({ startDate: null, actualEndDate: null }, RUN_DATE)).toBe('yetToStart');
  });

  test('end without start is leaver', () => {
    expect(episodeStatusOn({ actualEndDate: '2026-12-01' }, RUN_DATE)).toBe('leavers');
  });
});

describe('heldEpisodeStatusThroughout', () => {
  const episode = { startDate: '2026-11-10', actualEndDate: '2026-12-20' };

  test('in learning inside the episode', () => {
    expect(heldEpisodeStatusThroughout(episode, 'inLearning', '2026-11-10', '2026-12-19')).toBe(
      true,
    );
  });

  test('range reaching the end fails', () => {
    expect(heldEpisodeStatusThroughout(episode, 'inLearning', '2026-11-10', '2026-12-20')).toBe(
      false,
    );
  });

  test('range before the start fails', () => {
    expect(heldEpisodeStatusThroughout(episode, 'inLearning', '2026-11-09', '2026-11-30')).toBe(
      false,
    );
  });

  test('yet to start until the day before', () => {
    expect(heldEpisodeStatusThroughout(episode, 'yetToStart', '2026-11-01', '2026-11-09')).toBe(
      true,
    );
  });

  test('leaver from the end date', () => {
    expect(heldEpisodeStatusThroughout(episode, 'leavers', '2026-12-20', '2026-12-31')).toBe(true);
  });

  test('empty range is held by nobody', () => {
    expect(heldEpisodeStatusThroughout({}, 'yetToStart', '2026-12-10', '2026-12-01')).toBe(false);
  });
});

describe('still on status filter', () => {
  const options = { runDate: RUN_DATE };
  const lastWeek = { from: { daysFromRunDate: -7 }, to: { daysFromRunDate: -1 } };

  test('needs status on run date too', () => {
    const learner = makeLearner({ startDate: '2026-01-05', actualEndDate: RUN_DATE });
    const filters = { episodeStatus: 'inLearning' as const, stillOnStatusBetween: lastWeek };

    expect(matchesFilters(filters, learner, options)).toBe(false);
  });

  test('matches over a held week', () => {
    const learner = makeLearner({ startDate: '2026-01-05' });
    const filters = { episodeStatus: 'inLearning' as const, stillOnStatusBetween: lastWeek };

    expect(matchesFilters(filters, learner, options)).toBe(true);
  });
});
