/**
 * @param {number[]} readings
 * @param {number} target
 * @return {number[]}
 */
function firstCalibrationPair(readings, target) {
    const firstSeen = new Map();
    for (let j = 0; j < readings.length; j++) {
        const need = target - readings[j];
        if (firstSeen.has(need)) return [firstSeen.get(need), j];
        if (!firstSeen.has(readings[j])) firstSeen.set(readings[j], j);
    }
    return [];
}
