package dev.rivet.host;

import dev.rivet.abi.Fcntl;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostOpenFlagsTest {
    @Test
    void aarch64MovesFourBits() {
        // arch/arm64/include/uapi/asm/fcntl.h: O_DIRECTORY 040000, O_NOFOLLOW 0100000,
        // O_DIRECT 0200000, O_LARGEFILE 0400000.
        assertEquals(040000, HostOpenFlags.genericToArm(Fcntl.O_DIRECTORY));
        assertEquals(0100000, HostOpenFlags.genericToArm(Fcntl.O_NOFOLLOW));
        assertEquals(0200000, HostOpenFlags.genericToArm(Fcntl.O_DIRECT));
        assertEquals(0400000, HostOpenFlags.genericToArm(Fcntl.O_LARGEFILE));
        int common = Fcntl.O_RDWR | Fcntl.O_CREAT | Fcntl.O_EXCL | Fcntl.O_APPEND | Fcntl.O_NONBLOCK
                | Fcntl.O_CLOEXEC | Fcntl.O_PATH | Fcntl.__O_TMPFILE | Fcntl.O_NOATIME | Fcntl.O_SYNC;
        assertEquals(common, HostOpenFlags.genericToArm(common));
    }

    @Test
    void roundTripsEveryValidFlag() {
        for (int bit = 0; bit < 32; bit++) {
            int f = 1 << bit;
            if ((f & Fcntl.VALID_OPEN_FLAGS) == 0) continue;
            assertEquals(f, HostOpenFlags.armToGeneric(HostOpenFlags.genericToArm(f)), "bit " + bit);
        }
        int all = Fcntl.VALID_OPEN_FLAGS;
        assertEquals(all, HostOpenFlags.armToGeneric(HostOpenFlags.genericToArm(all)));
    }

    @Test
    void hostArchDetection() {
        assertTrue(HostOpenFlags.isArm("aarch64"));
        assertFalse(HostOpenFlags.isArm("amd64"));
        assertFalse(HostOpenFlags.isArm("riscv64"));
    }
}
