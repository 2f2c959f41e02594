// Weekly allocations as working hours: windows add up per weekday, and a date override only ever
// narrows what the allocation gives the service.
import { describe, expect, it } from 'vitest';
import { allocationHours, overridesWithinAllocation } from '../../../src/core/time/allocation-hours.js';

describe('allocation hours', () => {
  it('joins overlapping and touching windows of a weekday, and leaves other days closed', () => {
    const hours = allocationHours([
      { days: ['mon', 'wed'], startTime: '09:00', endTime: '12:00' },
      { days: ['mon'], startTime: '11:00', endTime: '13:00' },
      { days: ['mon'], startTime: '13:00', endTime: '14:00' },
      { days: ['wed'], startTime: '15:00', endTime: '24:00' },
    ]);
    expect(hours).toEqual({ mon: [['09:00', '14:00']], wed: [['09:00', '12:00'], ['15:00', '24:00']] });
  });

  it('narrows a date override to the allocated hours of its weekday; a closed day stays closed', () => {
    const allocated = { wed: [['09:00', '12:00'], ['14:00', '17:00']] as [string, string][] };
    expect(overridesWithinAllocation([
      { date: '2027-03-10', hours: [['10:00', '15:00']] }, // a Wednesday
      { date: '2027-03-17', hours: [] },
      { date: '2027-03-11', hours: [['09:00', '17:00']] }, // a Thursday: nothing allocated
    ], allocated)).toEqual([
      { date: '2027-03-10', hours: [['10:00', '12:00'], ['14:00', '15:00']] },
      { date: '2027-03-17', hours: [] },
      { date: '2027-03-11', hours: [] },
    ]);
  });
});
