function firstCalibrationPair(readings: number[], target: number): number[] {
    const firstSeen = new Map<number, number>();
    for (let j = 0; j < readings.length; j++) {
        const i = firstSeen.get(target - readings[j]);
        if (i !== undefined) return [i, j];
        if (!firstSeen.has(readings[j])) firstSeen.set(readings[j], j);
    }
    return [];
}
