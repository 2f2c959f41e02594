import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from '../../src/store/statement-cache.js';

describe('SQLite statement cache', () => {
  it('prepares a SQL text once and reuses the statement, with fresh parameters each time', () => {
    const db = cachingStatements(new SQLite(':memory:'));
    const first = db.prepare('select ? + 1 as n');
    const again = db.prepare('select ? + 1 as n');
    expect(again).toBe(first);
    expect(first.all([1])).toEqual([{ n: 2 }]);
    expect(again.all([41])).toEqual([{ n: 42 }]);
    db.close();
  });

  it('keeps only the most recently used texts', () => {
    const db = cachingStatements(new SQLite(':memory:'), 2);
    const a = db.prepare('select 1');
    db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a); // a is now the most recent
    db.prepare('select 3'); // evicts "select 2"
    const b = db.prepare('select 2');
    expect(db.prepare('select 2')).toBe(b);
    expect(db.prepare('select 1')).not.toBe(a); // evicted by "select 2" coming back
    db.close();
  });

  it('gives a statement that is still being iterated a fresh twin instead of failing', () => {
    const raw = new SQLite(':memory:');
    const db = cachingStatements(raw);
    raw.exec('create table t (n integer); insert into t values (1), (2)');
    const streaming = db.prepare('select n from t order by n');
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    const twin = db.prepare('select n from t order by n');
    expect(twin).not.toBe(streaming);
    expect(twin.all([])).toEqual([{ n: 1 }, { n: 2 }]);
    expect(rows.next().value).toEqual({ n: 2 });
    rows.return?.();
    db.close();
  });

  it('survives a schema change: a cached statement still reads the table as it now is', () => {
    const raw = new SQLite(':memory:');
    const db = cachingStatements(raw);
    raw.exec('create table t (n integer); insert into t values (1)');
    expect(db.prepare('select * from t').all([])).toEqual([{ n: 1 }]);
    raw.exec('alter table t add column m integer default 7');
    expect(db.prepare('select * from t').all([])).toEqual([{ n: 1, m: 7 }]);
    db.close();
  });
});
