// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IStakeVault} from "../interfaces/IStakeVault.sol";
import {StakeVault} from "../StakeVault.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {FeeToken, ReentrantToken, TestToken} from "./TestTokens.sol";
import {Test} from "./utils/Vm.sol";

contract StakeVaultTest is Test {
    StakeVault internal vault;
    TestToken internal token;
    address internal constant ADMIN = address(0xA11CE);
    address internal constant SLASHER = address(0x51A5);
    address internal constant ALICE = address(0x1001);
    address internal constant TREASURY = address(0x7EA5);
    uint64 internal constant COOLDOWN = 7 days;

    function setUp() public {
        token = new TestToken();
        vault = new StakeVault(ADMIN, token, COOLDOWN, 5000, TREASURY);
        bytes32 role = vault.SLASHER_ROLE();
        vm.prank(ADMIN);
        vault.grantRole(role, SLASHER);
        token.mint(ALICE, 1e30);
        vm.prank(ALICE);
        token.approve(address(vault), type(uint256).max);
    }

    function _lock(uint256 amount) internal {
        vm.prank(ALICE);
        vault.lock(amount);
    }

    function test_constructor_revertsOnABadCap() public {
        vm.expectRevert(abi.encodeWithSelector(IStakeVault.BadSlashCap.selector, uint16(0)));
        new StakeVault(ADMIN, token, 1, 0, TREASURY);
        vm.expectRevert(abi.encodeWithSelector(IStakeVault.BadSlashCap.selector, uint16(10_001)));
        new StakeVault(ADMIN, token, 1, 10_001, TREASURY);
    }

    function test_lock_countsTowardTheGate() public {
        _lock(100);
        assertEq(vault.lockedOf(ALICE), 100);
        assertEq(vault.stakeOf(ALICE), 100);
    }

    function test_lock_revertsOnZero() public {
        vm.expectRevert(IStakeVault.ZeroAmount.selector);
        _lock(0);
    }

    function test_lock_creditsWhatArrivesOfAFeeToken() public {
        FeeToken fee = new FeeToken();
        StakeVault v = new StakeVault(ADMIN, fee, 1, 5000, TREASURY);
        fee.approve(address(v), 1000);
        v.lock(1000);
        assertEq(v.lockedOf(address(this)), 990);
    }

    function test_requestUnlock_startsTheCooldown() public {
        _lock(100);
        vm.prank(ALICE);
        vault.requestUnlock(40);
        (uint256 amount, uint64 unlockAt) = vault.unlockingOf(ALICE);
        assertEq(amount, 40);
        assertEq(unlockAt, block.timestamp + COOLDOWN);
        assertEq(vault.lockedOf(ALICE), 60);
        assertEq(vault.stakeOf(ALICE), 100);
        // A second request adds to it and starts the cooldown again.
        vm.warp(block.timestamp + 1 days);
        vm.prank(ALICE);
        vault.requestUnlock(10);
        (amount, unlockAt) = vault.unlockingOf(ALICE);
        assertEq(amount, 50);
        assertEq(unlockAt, block.timestamp + COOLDOWN);
    }

    function test_requestUnlock_revertsAboveLocked() public {
        _lock(10);
        vm.expectRevert(abi.encodeWithSelector(IStakeVault.UnlockExceedsLocked.selector, 11, 10));
        vm.prank(ALICE);
        vault.requestUnlock(11);
    }

    function test_requestUnlock_revertsOnZero() public {
        vm.expectRevert(IStakeVault.ZeroAmount.selector);
        vm.prank(ALICE);
        vault.requestUnlock(0);
    }

    function test_withdraw_afterTheCooldown() public {
        _lock(100);
        vm.prank(ALICE);
        vault.requestUnlock(100);
        uint256 before = token.balanceOf(ALICE);
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(ALICE);
        vault.withdraw();
        assertEq(token.balanceOf(ALICE) - before, 100);
        assertEq(vault.stakeOf(ALICE), 0);
    }

    function test_withdraw_revertsDuringTheCooldown() public {
        _lock(100);
        vm.prank(ALICE);
        vault.requestUnlock(100);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakeVault.CooldownNotOver.selector, uint64(block.timestamp + COOLDOWN), uint64(block.timestamp)
            )
        );
        vm.prank(ALICE);
        vault.withdraw();
    }

    function test_withdraw_revertsWithNothingUnlocking() public {
        _lock(100);
        vm.expectRevert(abi.encodeWithSelector(IStakeVault.NothingUnlocking.selector, ALICE));
        vm.prank(ALICE);
        vault.withdraw();
    }

    function test_slash_takesLockedFirstThenUnlocking() public {
        _lock(100);
        vm.prank(ALICE);
        vault.requestUnlock(80);
        vm.prank(SLASHER);
        vault.slash(ALICE, 50, keccak256("evidence"));
        assertEq(vault.lockedOf(ALICE), 0);
        (uint256 unlocking,) = vault.unlockingOf(ALICE);
        assertEq(unlocking, 50);
        assertEq(token.balanceOf(TREASURY), 50);
    }

    function test_slash_revertsAboveTheCap() public {
        _lock(100);
        vm.expectRevert(abi.encodeWithSelector(IStakeVault.SlashExceedsCap.selector, 51, 50));
        vm.prank(SLASHER);
        vault.slash(ALICE, 51, keccak256("evidence"));
    }

    function test_slash_revertsWithoutEvidence() public {
        _lock(100);
        vm.expectRevert(IStakeVault.NoEvidence.selector);
        vm.prank(SLASHER);
        vault.slash(ALICE, 1, bytes32(0));
    }

    function test_slash_revertsOnZero() public {
        vm.expectRevert(IStakeVault.ZeroAmount.selector);
        vm.prank(SLASHER);
        vault.slash(ALICE, 0, keccak256("e"));
    }

    function test_slash_revertsForOthers() public {
        _lock(100);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, ALICE, vault.SLASHER_ROLE())
        );
        vm.prank(ALICE);
        vault.slash(ALICE, 1, keccak256("e"));
    }

    function test_setCooldown_adminOnly() public {
        vm.prank(ADMIN);
        vault.setCooldown(1);
        assertEq(vault.cooldown(), 1);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, ALICE, bytes32(0))
        );
        vm.prank(ALICE);
        vault.setCooldown(0);
    }

    function testFuzz_slash_neverAboveTheCapAndBooksHold(uint96 locked, uint96 unlock, uint96 slashAmount) public {
        vm.assume(locked > 0);
        _lock(locked);
        uint256 u = bound(unlock, 0, locked);
        if (u > 0) {
            vm.prank(ALICE);
            vault.requestUnlock(u);
        }
        uint256 cap = (uint256(locked) * 5000) / 10_000;
        uint256 s = bound(slashAmount, 1, cap == 0 ? 1 : cap);
        if (cap == 0) return;
        vm.prank(SLASHER);
        vault.slash(ALICE, s, keccak256("e"));
        assertEq(vault.stakeOf(ALICE), uint256(locked) - s);
        assertEq(token.balanceOf(address(vault)), vault.stakeOf(ALICE), "vault holds every stake");
    }

    function test_constructor_setsItsParameters() public view {
        assertEq(address(vault.stakeToken()), address(token));
        assertEq(vault.cooldown(), COOLDOWN);
        assertEq(vault.maxSlashBps(), 5000);
        assertEq(vault.slashReceiver(), TREASURY);
        assertTrue(vault.hasRole(bytes32(0), ADMIN));
    }

    function test_lock_emitsLocked() public {
        vm.expectEmit(true, false, false, true, address(vault));
        emit IStakeVault.Locked(ALICE, 100);
        _lock(100);
    }

    function test_lock_revertsOnReentry() public {
        ReentrantToken re = new ReentrantToken();
        StakeVault v = new StakeVault(ADMIN, re, 1, 5000, TREASURY);
        re.mint(address(this), 100);
        re.approve(address(v), 100);
        re.arm(address(this), address(v), abi.encodeCall(v.lock, (1)));
        vm.expectRevert(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);
        v.lock(10);
    }

    function test_requestUnlock_emitsUnlockRequested() public {
        _lock(100);
        vm.expectEmit(true, false, false, true, address(vault));
        emit IStakeVault.UnlockRequested(ALICE, 30, uint64(block.timestamp + COOLDOWN));
        vm.prank(ALICE);
        vault.requestUnlock(30);
    }

    function test_withdraw_paysOnce() public {
        _lock(100);
        vm.prank(ALICE);
        vault.requestUnlock(60);
        vm.warp(block.timestamp + COOLDOWN);
        vm.expectEmit(true, false, false, true, address(vault));
        emit IStakeVault.Withdrawn(ALICE, 60);
        vm.startPrank(ALICE);
        vault.withdraw();
        vm.expectRevert(abi.encodeWithSelector(IStakeVault.NothingUnlocking.selector, ALICE));
        vault.withdraw();
        vm.stopPrank();
        assertEq(vault.lockedOf(ALICE), 40, "the rest stays locked");
        (uint256 amount, uint64 unlockAt) = vault.unlockingOf(ALICE);
        assertEq(amount, 0);
        assertEq(unlockAt, 0);
    }

    function test_withdraw_waitsForTheRestartedCooldown() public {
        _lock(100);
        vm.prank(ALICE);
        vault.requestUnlock(50);
        vm.warp(block.timestamp + COOLDOWN - 1);
        vm.prank(ALICE);
        vault.requestUnlock(10); // restarts the cooldown for all 60
        vm.warp(block.timestamp + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakeVault.CooldownNotOver.selector, uint64(block.timestamp - 1 + COOLDOWN), uint64(block.timestamp)
            )
        );
        vm.prank(ALICE);
        vault.withdraw();
    }

    function test_withdraw_revertsOnReentry() public {
        ReentrantToken re = new ReentrantToken();
        StakeVault v = new StakeVault(ADMIN, re, 0, 5000, TREASURY);
        re.mint(address(this), 100);
        re.approve(address(v), 100);
        v.lock(100);
        v.requestUnlock(100);
        re.arm(address(v), address(v), abi.encodeCall(v.withdraw, ()));
        vm.expectRevert(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);
        v.withdraw();
    }

    function test_slash_emitsSlashed() public {
        _lock(100);
        vm.expectEmit(true, false, false, true, address(vault));
        emit IStakeVault.Slashed(ALICE, 10, keccak256("evidence"), SLASHER);
        vm.prank(SLASHER);
        vault.slash(ALICE, 10, keccak256("evidence"));
    }

    function test_slash_countsTheUnlockingStakeInTheCap() public {
        _lock(100);
        vm.prank(ALICE);
        vault.requestUnlock(100);
        // Nothing locked: the cap is half of what is unlocking, and the slash comes out of it.
        vm.prank(SLASHER);
        vault.slash(ALICE, 50, keccak256("evidence"));
        (uint256 amount, uint64 unlockAt) = vault.unlockingOf(ALICE);
        assertEq(amount, 50);
        assertEq(unlockAt, block.timestamp + COOLDOWN, "the cooldown is unchanged");
        vm.expectRevert(abi.encodeWithSelector(IStakeVault.SlashExceedsCap.selector, 26, 25));
        vm.prank(SLASHER);
        vault.slash(ALICE, 26, keccak256("evidence"));
    }

    function test_slash_revertsWithoutStake() public {
        vm.expectRevert(abi.encodeWithSelector(IStakeVault.SlashExceedsCap.selector, 1, 0));
        vm.prank(SLASHER);
        vault.slash(ALICE, 1, keccak256("evidence"));
    }

    function test_setCooldown_appliesToLaterRequests() public {
        _lock(100);
        vm.prank(ALICE);
        vault.requestUnlock(10);
        vm.expectEmit(false, false, false, true, address(vault));
        emit IStakeVault.CooldownChanged(1 days);
        vm.prank(ADMIN);
        vault.setCooldown(1 days);
        (, uint64 unlockAt) = vault.unlockingOf(ALICE);
        assertEq(unlockAt, block.timestamp + COOLDOWN, "a pending request keeps its time");
        vm.prank(ALICE);
        vault.requestUnlock(10);
        (, unlockAt) = vault.unlockingOf(ALICE);
        assertEq(unlockAt, block.timestamp + 1 days);
    }

    /// @dev Whatever is locked and requested, nothing can be withdrawn one second before the cooldown ends.
    function testFuzz_withdraw_neverBeforeTheCooldown(uint96 locked, uint96 unlock, uint32 early) public {
        vm.assume(locked > 0);
        _lock(locked);
        uint256 u = bound(unlock, 1, locked);
        vm.prank(ALICE);
        vault.requestUnlock(u);
        uint256 waited = bound(early, 0, COOLDOWN - 1);
        vm.warp(block.timestamp + waited);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakeVault.CooldownNotOver.selector,
                uint64(block.timestamp - waited + COOLDOWN),
                uint64(block.timestamp)
            )
        );
        vm.prank(ALICE);
        vault.withdraw();
        assertEq(token.balanceOf(address(vault)), locked);
    }
}

/// @notice Random locks, unlock requests, withdrawals, slashes and clock moves by one staker.
contract VaultHandler is Test {
    StakeVault public vault;
    TestToken public token;
    address internal constant ALICE = address(0x1001);
    uint256 public slashed;
    uint256 public withdrawn;
    uint256 public deposited;
    bool public leftEarly;

    constructor() {
        token = new TestToken();
        vault = new StakeVault(address(this), token, 1 days, 5000, address(0x7EA5));
        vault.grantRole(vault.SLASHER_ROLE(), address(this));
        token.mint(ALICE, 1e30);
        vm.prank(ALICE);
        token.approve(address(vault), type(uint256).max);
    }

    function lock(uint64 amount) external {
        if (amount == 0) return;
        vm.prank(ALICE);
        vault.lock(amount);
        deposited += amount;
    }

    function requestUnlock(uint64 amount) external {
        uint256 a = bound(amount, 1, vault.lockedOf(ALICE) == 0 ? 1 : vault.lockedOf(ALICE));
        if (vault.lockedOf(ALICE) == 0) return;
        vm.prank(ALICE);
        vault.requestUnlock(a);
    }

    function withdraw() external {
        (uint256 amount, uint64 unlockAt) = vault.unlockingOf(ALICE);
        if (amount == 0) return;
        uint256 before = token.balanceOf(ALICE);
        vm.prank(ALICE);
        try vault.withdraw() {
            if (block.timestamp < unlockAt) leftEarly = true;
            withdrawn += token.balanceOf(ALICE) - before;
        } catch {}
    }

    function slash(uint64 amount) external {
        uint256 cap = (vault.stakeOf(ALICE) * 5000) / 10_000;
        if (cap == 0) return;
        uint256 a = bound(amount, 1, cap);
        vault.slash(ALICE, a, keccak256("e"));
        slashed += a;
    }

    function wait(uint32 secondsToWait) external {
        vm.warp(block.timestamp + bound(secondsToWait, 0, 2 days));
    }
}

contract VaultInvariantTest is Test {
    VaultHandler internal h;

    function setUp() public {
        h = new VaultHandler();
        targetContract(address(h));
    }

    /// A locked stake leaves only by a slash or a withdrawal after its cooldown.
    function invariant_stakeLeavesOnlyBySlashOrAfterCooldown() public view {
        StakeVault v = h.vault();
        assertTrue(!h.leftEarly(), "withdrawn before the cooldown");
        assertEq(h.deposited(), v.stakeOf(address(0x1001)) + h.slashed() + h.withdrawn(), "every token accounted for");
        assertEq(h.token().balanceOf(address(v)), v.stakeOf(address(0x1001)), "the vault holds the stake");
    }
}
