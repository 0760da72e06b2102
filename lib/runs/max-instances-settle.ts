// Apart from the claim code that decides by it, so that the job page can say it too.

/**
 * How long after its time a scheduled run whose job is at max instances may wait for the run in its
 * way before it is skipped. That run has often ended already: its worker records outcomes in
 * batches, and a busy one (three workers on two cores, a thousand runs a second) wrote them up to
 * half a second after the runs ended, so the next slot of a job whose runs take 100 ms was skipped
 * (bench/RESULTS.md). Shorter than any misfire grace (a second at least): a run claimed within it
 * starts late, as any run that waited for a place, never too late.
 */
export const MAX_INSTANCES_SETTLE_MS = 500;
