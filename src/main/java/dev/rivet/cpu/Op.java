package dev.rivet.cpu;

/**
 * The decoded operation codes of {@link Insn#op}. Dense ints so the interpreter's switches
 * compile to table jumps. Operations the hot loop handles come first ({@code < FIRST_RARE});
 * the rest are dispatched to {@link RareOps} (and FP ones on to {@link FpOps}), which keeps the
 * hot method small enough for HotSpot to compile.
 *
 * <p>Decoding specialises: rd = x0 writes go to the sink register 32, a result-free
 * instruction with rd = x0 becomes {@link #NOP}, {@code lui}/{@code auipc}/{@code li} become
 * {@link #LI} with the value precomputed, and branch/jump immediates hold absolute targets.
 */
final class Op {
    private Op() {}

    // ---- hot: integer ALU, memory, control flow
    static final int NOP = 0, LI = 1, MV = 2;
    static final int ADD = 3, SUB = 4, SLL = 5, SLT = 6, SLTU = 7, XOR = 8, SRL = 9, SRA = 10, OR = 11, AND = 12;
    static final int ADDI = 13, SLTI = 14, SLTIU = 15, XORI = 16, ORI = 17, ANDI = 18, SLLI = 19, SRLI = 20, SRAI = 21;
    static final int ADDW = 22, SUBW = 23, SLLW = 24, SRLW = 25, SRAW = 26;
    static final int ADDIW = 27, SLLIW = 28, SRLIW = 29, SRAIW = 30;
    static final int MUL = 31, MULH = 32, MULHSU = 33, MULHU = 34, DIV = 35, DIVU = 36, REM = 37, REMU = 38;
    static final int MULW = 39, DIVW = 40, DIVUW = 41, REMW = 42, REMUW = 43;
    static final int LB = 44, LH = 45, LW = 46, LD = 47, LBU = 48, LHU = 49, LWU = 50;
    static final int SB = 51, SH = 52, SW = 53, SD = 54;
    static final int BEQ = 55, BNE = 56, BLT = 57, BGE = 58, BLTU = 59, BGEU = 60;
    static final int JAL = 61, JALR = 62;
    static final int FLD = 63, FSD = 64, FLW = 65, FSW = 66;

    static final int FIRST_RARE = 67;
    // ---- rare: Zba
    static final int SH1ADD = 67, SH2ADD = 68, SH3ADD = 69, ADDUW = 70, SH1ADDUW = 71, SH2ADDUW = 72, SH3ADDUW = 73, SLLIUW = 74;
    // ---- Zbb
    static final int ANDN = 75, ORN = 76, XNOR = 77, CLZ = 78, CLZW = 79, CTZ = 80, CTZW = 81, CPOP = 82, CPOPW = 83;
    static final int MAX = 84, MAXU = 85, MIN = 86, MINU = 87, SEXTB = 88, SEXTH = 89, ZEXTH = 90;
    static final int ROL = 91, ROLW = 92, ROR = 93, RORI = 94, RORIW = 95, RORW = 96, ORCB = 97, REV8 = 98;
    // ---- Zbc (carry-less multiply; decoded because it costs nothing)
    static final int CLMUL = 99, CLMULH = 100, CLMULR = 101;
    // ---- Zbs
    static final int BCLR = 102, BCLRI = 103, BEXT = 104, BEXTI = 105, BINV = 106, BINVI = 107, BSET = 108, BSETI = 109;
    // ---- system
    static final int ECALL = 110, EBREAK = 111, ILLEGAL = 112, FENCE = 113, FENCE_I = 114;
    static final int CSRRW = 115, CSRRS = 116, CSRRC = 117, CSRRWI = 118, CSRRSI = 119, CSRRCI = 120;
    // ---- A
    static final int LR_W = 121, SC_W = 122, LR_D = 123, SC_D = 124;
    static final int AMOSWAP_W = 125, AMOADD_W = 126, AMOXOR_W = 127, AMOAND_W = 128, AMOOR_W = 129;
    static final int AMOMIN_W = 130, AMOMAX_W = 131, AMOMINU_W = 132, AMOMAXU_W = 133;
    static final int AMOSWAP_D = 134, AMOADD_D = 135, AMOXOR_D = 136, AMOAND_D = 137, AMOOR_D = 138;
    static final int AMOMIN_D = 139, AMOMAX_D = 140, AMOMINU_D = 141, AMOMAXU_D = 142;

    static final int FIRST_FP = 143;
    // ---- F (rd/rs are f registers unless the name says X)
    static final int FADD_S = 143, FSUB_S = 144, FMUL_S = 145, FDIV_S = 146, FSQRT_S = 147;
    static final int FMADD_S = 148, FMSUB_S = 149, FNMSUB_S = 150, FNMADD_S = 151;
    static final int FSGNJ_S = 152, FSGNJN_S = 153, FSGNJX_S = 154, FMIN_S = 155, FMAX_S = 156;
    static final int FEQ_S = 157, FLT_S = 158, FLE_S = 159, FCLASS_S = 160;
    static final int FCVT_W_S = 161, FCVT_WU_S = 162, FCVT_L_S = 163, FCVT_LU_S = 164;
    static final int FCVT_S_W = 165, FCVT_S_WU = 166, FCVT_S_L = 167, FCVT_S_LU = 168;
    static final int FMV_X_W = 169, FMV_W_X = 170;
    // ---- D
    static final int FADD_D = 171, FSUB_D = 172, FMUL_D = 173, FDIV_D = 174, FSQRT_D = 175;
    static final int FMADD_D = 176, FMSUB_D = 177, FNMSUB_D = 178, FNMADD_D = 179;
    static final int FSGNJ_D = 180, FSGNJN_D = 181, FSGNJX_D = 182, FMIN_D = 183, FMAX_D = 184;
    static final int FEQ_D = 185, FLT_D = 186, FLE_D = 187, FCLASS_D = 188;
    static final int FCVT_W_D = 189, FCVT_WU_D = 190, FCVT_L_D = 191, FCVT_LU_D = 192;
    static final int FCVT_D_W = 193, FCVT_D_WU = 194, FCVT_D_L = 195, FCVT_D_LU = 196;
    static final int FMV_X_D = 197, FMV_D_X = 198;
    static final int FCVT_S_D = 199, FCVT_D_S = 200;

    static final int COUNT = 201;
}
