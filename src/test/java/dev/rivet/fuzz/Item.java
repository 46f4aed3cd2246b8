package dev.rivet.fuzz;

/**
 * The unit the generator emits and the minimiser removes: one instruction, or a few that only
 * make sense together (an address set-up and the access using it, an LR/SC pair, an auipc and
 * the jalr using it). Branch targets are item boundaries, so no jump lands inside an item.
 *
 * @param idx    position in the original body (branch targets refer to these)
 * @param target for a control transfer the original index of the item it jumps to (may be the
 *               body's length: the epilogue), else -1
 * @param xmask  x registers the item reads or writes (for printing the relevant initial state)
 * @param fmask  f registers likewise
 */
record Item(int idx, Insn[] insns, int target, int xmask, int fmask) {
    int size() {
        int n = 0;
        for (Insn i : insns) n += i.size();
        return n;
    }
}
