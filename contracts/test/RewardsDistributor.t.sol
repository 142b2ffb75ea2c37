// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IRewardsDistributor} from "../interfaces/IRewardsDistributor.sol";
import {RewardsDistributor} from "../RewardsDistributor.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {FeeToken, ReentrantToken, TestToken} from "./TestTokens.sol";
import {Merkle} from "./utils/Merkle.sol";
import {Test} from "./utils/Vm.sol";

contract RewardsDistributorTest is Test {
    RewardsDistributor internal d;
    TestToken internal token;
    TestToken internal partner;
    address internal constant ADMIN = address(0xA11CE);
    address internal constant PROPOSER = address(0xB0B);
    address internal constant ALICE = address(0x1001);
    address internal constant BOB = address(0x1002);
    uint64 internal constant DELAY = 1 hours;

    function setUp() public {
        d = new RewardsDistributor(ADMIN, PROPOSER, DELAY);
        // Ascending addresses, as proposals need them.
        TestToken a = new TestToken();
        TestToken b = new TestToken();
        (token, partner) = address(a) < address(b) ? (a, b) : (b, a);
        token.mint(address(this), 1e30);
        partner.mint(address(this), 1e30);
        token.approve(address(d), type(uint256).max);
        partner.approve(address(d), type(uint256).max);
    }

    function _tokens1() internal view returns (address[] memory t) {
        t = new address[](1);
        t[0] = address(token);
    }

    function _totals1(uint256 total) internal pure returns (uint256[] memory v) {
        v = new uint256[](1);
        v[0] = total;
    }

    /// @dev Funds, proposes and accepts a two-leaf root (alice, bob) in `token`; returns both proofs.
    function _epoch(uint64 epoch, uint256 aliceTotal, uint256 bobTotal)
        internal
        returns (bytes32[] memory aliceProof, bytes32[] memory bobProof)
    {
        uint256 total = aliceTotal + bobTotal;
        if (total > d.totalFunded(address(token))) d.fund(address(token), total - d.totalFunded(address(token)));
        bytes32 a = Merkle.leaf(ALICE, address(token), aliceTotal);
        bytes32 b = Merkle.leaf(BOB, address(token), bobTotal);
        bytes32 root;
        (root, aliceProof) = Merkle.tree2(a, b, 0);
        (, bobProof) = Merkle.tree2(a, b, 1);
        vm.prank(PROPOSER);
        d.proposeRoot(root, epoch, _tokens1(), _totals1(total), keccak256("manifest"));
        vm.warp(block.timestamp + DELAY);
        d.acceptRoot(epoch);
    }

    function test_fund_creditsWhatArrives() public {
        d.fund(address(token), 100);
        assertEq(d.totalFunded(address(token)), 100);
        FeeToken fee = new FeeToken();
        fee.approve(address(d), 1000);
        d.fund(address(fee), 1000);
        assertEq(d.totalFunded(address(fee)), 990, "fee-on-transfer credited at what arrived");
    }

    function test_fund_revertsOnZero() public {
        vm.expectRevert(IRewardsDistributor.ZeroAmount.selector);
        d.fund(address(token), 0);
    }

    function test_proposeRoot_setsPendingWithDelay() public {
        d.fund(address(token), 10);
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(10), keccak256("m"));
        (bytes32 root, uint64 epoch, uint64 acceptableAt, bytes32 manifest) = d.pendingRoot();
        assertEq(root, keccak256("r"));
        assertEq(epoch, 1);
        assertEq(acceptableAt, block.timestamp + DELAY);
        assertEq(manifest, keccak256("m"));
    }

    function test_proposeRoot_revertsForOthers() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, ALICE, d.PROPOSER_ROLE())
        );
        vm.prank(ALICE);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(0), 0);
    }

    function test_proposeRoot_revertsOnWrongEpoch() public {
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WrongEpoch.selector, 2, 1));
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 2, _tokens1(), _totals1(0), 0);
    }

    function test_proposeRoot_revertsWhilePending() public {
        vm.startPrank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(0), 0);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.ProposalPending.selector, 1));
        d.proposeRoot(keccak256("s"), 1, _tokens1(), _totals1(0), 0);
        vm.stopPrank();
    }

    function test_proposeRoot_revertsOnZeroRoot() public {
        vm.expectRevert(IRewardsDistributor.ZeroRoot.selector);
        vm.prank(PROPOSER);
        d.proposeRoot(0, 1, _tokens1(), _totals1(0), 0);
    }

    function test_proposeRoot_revertsOnLengthMismatch() public {
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.LengthMismatch.selector, 1, 0));
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), new uint256[](0), 0);
    }

    function test_proposeRoot_revertsOnUnsortedTokens() public {
        address[] memory t = new address[](2);
        t[0] = address(partner);
        t[1] = address(token);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.TokensNotAscending.selector, address(token)));
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, t, new uint256[](2), 0);
    }

    function test_proposeRoot_revertsAboveFunded() public {
        d.fund(address(token), 5);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.TotalExceedsFunded.selector, address(token), 6, 5));
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(6), 0);
    }

    function test_proposeRoot_revertsWhenTotalGoesDown() public {
        _epoch(1, 10, 10);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.TotalDecreased.selector, address(token), 19, 20));
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 2, _tokens1(), _totals1(19), 0);
    }

    function test_proposeRoot_revertsWhenATokenIsDropped() public {
        _epoch(1, 10, 10);
        address[] memory t = new address[](1);
        t[0] = address(partner);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.TokenMissing.selector, address(token)));
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 2, t, _totals1(0), 0);
    }

    function test_revokeRoot_byGuardianDuringDelay() public {
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(0), 0);
        vm.prank(ADMIN);
        d.revokeRoot(1);
        (, uint64 epoch,,) = d.pendingRoot();
        assertEq(epoch, 0);
        // The epoch number is free again.
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("s"), 1, _tokens1(), _totals1(0), 0);
    }

    function test_revokeRoot_revertsForOthers() public {
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(0), 0);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, ALICE, d.GUARDIAN_ROLE())
        );
        vm.prank(ALICE);
        d.revokeRoot(1);
    }

    function test_revokeRoot_revertsWithoutProposal() public {
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NoProposal.selector, 1));
        vm.prank(PROPOSER);
        d.revokeRoot(1);
    }

    function test_acceptRoot_revertsBeforeDelay() public {
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(0), 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRewardsDistributor.TooEarly.selector, uint64(block.timestamp + DELAY), uint64(block.timestamp)
            )
        );
        d.acceptRoot(1);
    }

    function test_acceptRoot_revertsWithoutProposal() public {
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NoProposal.selector, 1));
        d.acceptRoot(1);
    }

    function test_acceptRoot_makesRootCurrent() public {
        _epoch(1, 3, 4);
        assertEq(d.currentEpoch(), 1);
        assertEq(d.cumulativeTotal(address(token)), 7);
        (, uint64 pending,,) = d.pendingRoot();
        assertEq(pending, 0);
    }

    function test_claim_paysTheDifferenceOnce() public {
        (bytes32[] memory proof,) = _epoch(1, 30, 70);
        vm.prank(BOB); // anyone may send it; the tokens go to alice
        uint256 paid = d.claim(ALICE, address(token), 30, proof);
        assertEq(paid, 30);
        assertEq(token.balanceOf(ALICE), 30);
        assertEq(d.claimed(ALICE, address(token)), 30);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NothingToClaim.selector, ALICE, address(token)));
        d.claim(ALICE, address(token), 30, proof);
    }

    function test_claim_revertsOnBadProof() public {
        (bytes32[] memory proof,) = _epoch(1, 30, 70);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.InvalidProof.selector, ALICE, address(token), 31));
        d.claim(ALICE, address(token), 31, proof);
    }

    function test_claim_acrossEpochsPaysOnlyNewEarnings() public {
        (bytes32[] memory p1,) = _epoch(1, 30, 70);
        d.claim(ALICE, address(token), 30, p1);
        (bytes32[] memory p2,) = _epoch(2, 45, 70);
        assertEq(d.claim(ALICE, address(token), 45, p2), 15);
        assertEq(token.balanceOf(ALICE), 45);
    }

    function test_claimMany_skipsWhatIsClaimed() public {
        (bytes32[] memory a, bytes32[] memory b) = _epoch(1, 30, 70);
        d.claim(ALICE, address(token), 30, a);
        IRewardsDistributor.Claim[] memory claims = new IRewardsDistributor.Claim[](2);
        claims[0] = IRewardsDistributor.Claim(ALICE, address(token), 30, a);
        claims[1] = IRewardsDistributor.Claim(BOB, address(token), 70, b);
        assertEq(d.claimMany(claims), 70);
        assertEq(token.balanceOf(BOB), 70);
        assertEq(d.claimMany(claims), 0);
    }

    function test_claimMany_revertsOnABadProof() public {
        (bytes32[] memory a,) = _epoch(1, 30, 70);
        IRewardsDistributor.Claim[] memory claims = new IRewardsDistributor.Claim[](1);
        claims[0] = IRewardsDistributor.Claim(BOB, address(token), 70, a);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.InvalidProof.selector, BOB, address(token), 70));
        d.claimMany(claims);
    }

    function test_setDelay_adminOnly() public {
        vm.prank(ADMIN);
        d.setDelay(5);
        assertEq(d.delay(), 5);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, ALICE, bytes32(0))
        );
        vm.prank(ALICE);
        d.setDelay(1);
    }

    /// @dev Cumulative claims over three epochs pay exactly each epoch's increase, never more than funded.
    function testFuzz_claim_cumulativeArithmetic(uint96 a1, uint96 a2, uint96 a3, uint96 b1, bool claimEarly) public {
        uint256 x1 = a1;
        uint256 x2 = x1 + a2;
        uint256 x3 = x2 + a3;
        uint256 y = b1;
        vm.assume(x1 > 0 && y > 0);
        (bytes32[] memory p1,) = _epoch(1, x1, y);
        if (claimEarly) d.claim(ALICE, address(token), x1, p1);
        (bytes32[] memory p2,) = _epoch(2, x2, y);
        if (claimEarly && x2 > x1) d.claim(ALICE, address(token), x2, p2);
        (bytes32[] memory p3, bytes32[] memory q3) = _epoch(3, x3, y);
        if (x3 > d.claimed(ALICE, address(token))) d.claim(ALICE, address(token), x3, p3);
        d.claim(BOB, address(token), y, q3);
        assertEq(token.balanceOf(ALICE), x3, "alice paid her cumulative total");
        assertEq(token.balanceOf(BOB), y, "bob paid once");
        assertLe(d.totalClaimed(address(token)), d.totalFunded(address(token)), "never more claimed than funded");
        assertEq(d.totalClaimed(address(token)), x3 + y);
    }

    function _tokens2() internal view returns (address[] memory t) {
        t = new address[](2);
        t[0] = address(token);
        t[1] = address(partner);
    }

    function _totals2(uint256 a, uint256 b) internal pure returns (uint256[] memory v) {
        v = new uint256[](2);
        v[0] = a;
        v[1] = b;
    }

    function test_fund_emitsFunded() public {
        vm.expectEmit(true, true, false, true, address(d));
        emit IRewardsDistributor.Funded(address(token), address(this), 42);
        d.fund(address(token), 42);
    }

    function test_fund_revertsOnReentry() public {
        ReentrantToken re = new ReentrantToken();
        re.mint(address(this), 100);
        re.approve(address(d), 100);
        // The transfer into the distributor calls fund again while the first fund is running.
        re.arm(address(this), address(d), abi.encodeCall(d.fund, (address(re), 1)));
        vm.expectRevert(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);
        d.fund(address(re), 10);
    }

    function test_proposeRoot_emitsRootProposed() public {
        d.fund(address(token), 10);
        vm.expectEmit(true, false, false, true, address(d));
        emit IRewardsDistributor.RootProposed(1, keccak256("r"), keccak256("m"), uint64(block.timestamp + DELAY));
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(10), keccak256("m"));
    }

    function test_proposeRoot_revertsOnDuplicateTokens() public {
        address[] memory t = new address[](2);
        t[0] = address(token);
        t[1] = address(token);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.TokensNotAscending.selector, address(token)));
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, t, new uint256[](2), 0);
    }

    function test_proposeRoot_revertsAfterAnAcceptedEpochWithItsNumber() public {
        _epoch(1, 1, 1);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WrongEpoch.selector, 1, 2));
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(2), 0);
    }

    function test_proposeRoot_addsATokenToAnEarlierOne() public {
        _epoch(1, 10, 10);
        d.fund(address(partner), 5);
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 2, _tokens2(), _totals2(20, 5), 0);
        vm.warp(block.timestamp + DELAY);
        d.acceptRoot(2);
        assertEq(d.cumulativeTotal(address(token)), 20);
        assertEq(d.cumulativeTotal(address(partner)), 5);
    }

    function test_revokeRoot_byProposer() public {
        vm.startPrank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(0), 0);
        vm.expectEmit(true, false, false, true, address(d));
        emit IRewardsDistributor.RootRevoked(1, keccak256("r"));
        d.revokeRoot(1);
        vm.stopPrank();
        assertEq(d.currentEpoch(), 0);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NoProposal.selector, 1));
        d.acceptRoot(1);
    }

    function test_revokeRoot_revertsForAnotherEpoch() public {
        vm.startPrank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(0), 0);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NoProposal.selector, 2));
        d.revokeRoot(2);
        vm.stopPrank();
    }

    function test_revokeRoot_revertsOnceAccepted() public {
        _epoch(1, 1, 1);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NoProposal.selector, 1));
        vm.prank(ADMIN);
        d.revokeRoot(1);
        assertEq(d.currentEpoch(), 1);
    }

    function test_acceptRoot_revertsForAnotherEpoch() public {
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(0), 0);
        vm.warp(block.timestamp + DELAY);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NoProposal.selector, 2));
        d.acceptRoot(2);
    }

    function test_acceptRoot_emitsRootAcceptedAtTheDelay() public {
        d.fund(address(token), 7);
        vm.prank(PROPOSER);
        d.proposeRoot(keccak256("r"), 1, _tokens1(), _totals1(7), keccak256("m"));
        vm.warp(block.timestamp + DELAY); // exactly proposedAt + delay is enough
        vm.expectEmit(true, false, false, true, address(d));
        emit IRewardsDistributor.RootAccepted(1, keccak256("r"));
        vm.prank(ALICE); // anyone may accept
        d.acceptRoot(1);
        assertEq(d.currentRoot(), keccak256("r"));
    }

    function test_claim_emitsClaimed() public {
        (bytes32[] memory proof,) = _epoch(1, 30, 70);
        vm.expectEmit(true, true, false, true, address(d));
        emit IRewardsDistributor.Claimed(ALICE, address(token), 30, 30);
        d.claim(ALICE, address(token), 30, proof);
    }

    function test_claim_revertsBeforeAnyRoot() public {
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.InvalidProof.selector, ALICE, address(token), 1));
        d.claim(ALICE, address(token), 1, new bytes32[](0));
    }

    function test_claim_revertsOnAnotherAccountsLeaf() public {
        (bytes32[] memory aliceProof,) = _epoch(1, 30, 70);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.InvalidProof.selector, BOB, address(token), 30));
        d.claim(BOB, address(token), 30, aliceProof);
    }

    function test_claim_revertsAboveTheRootTotal() public {
        // A faulty root whose leaves add up to more than its declared total: the total still caps the payout.
        d.fund(address(token), 100);
        bytes32 a = Merkle.leaf(ALICE, address(token), 30);
        bytes32 b = Merkle.leaf(BOB, address(token), 70);
        (bytes32 root, bytes32[] memory aliceProof) = Merkle.tree2(a, b, 0);
        (, bytes32[] memory bobProof) = Merkle.tree2(a, b, 1);
        vm.prank(PROPOSER);
        d.proposeRoot(root, 1, _tokens1(), _totals1(50), 0);
        vm.warp(block.timestamp + DELAY);
        d.acceptRoot(1);
        d.claim(ALICE, address(token), 30, aliceProof);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.ClaimExceedsTotal.selector, address(token), 100, 50));
        d.claim(BOB, address(token), 70, bobProof);
    }

    function test_claim_revertsOnReentry() public {
        ReentrantToken re = new ReentrantToken();
        re.mint(address(this), 100);
        re.approve(address(d), 100);
        d.fund(address(re), 100);
        bytes32 a = Merkle.leaf(ALICE, address(re), 30);
        bytes32 b = Merkle.leaf(BOB, address(re), 70);
        (bytes32 root, bytes32[] memory aliceProof) = Merkle.tree2(a, b, 0);
        (, bytes32[] memory bobProof) = Merkle.tree2(a, b, 1);
        address[] memory t = new address[](1);
        t[0] = address(re);
        vm.prank(PROPOSER);
        d.proposeRoot(root, 1, t, _totals1(100), 0);
        vm.warp(block.timestamp + DELAY);
        d.acceptRoot(1);
        // Paying alice calls claim for bob while alice's claim is running.
        re.arm(address(d), address(d), abi.encodeCall(d.claim, (BOB, address(re), 70, bobProof)));
        vm.expectRevert(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);
        d.claim(ALICE, address(re), 30, aliceProof);
    }

    function test_claimMany_paysSeveralTokens() public {
        d.fund(address(token), 100);
        d.fund(address(partner), 100);
        bytes32[4] memory l = [
            Merkle.leaf(ALICE, address(token), 10),
            Merkle.leaf(ALICE, address(partner), 20),
            Merkle.leaf(BOB, address(token), 30),
            Merkle.leaf(BOB, address(partner), 40)
        ];
        (bytes32 root,) = Merkle.tree4(l, 0);
        vm.prank(PROPOSER);
        d.proposeRoot(root, 1, _tokens2(), _totals2(40, 60), 0);
        vm.warp(block.timestamp + DELAY);
        d.acceptRoot(1);
        IRewardsDistributor.Claim[] memory claims = new IRewardsDistributor.Claim[](4);
        address[4] memory who = [ALICE, ALICE, BOB, BOB];
        address[4] memory what = [address(token), address(partner), address(token), address(partner)];
        uint256[4] memory amount = [uint256(10), 20, 30, 40];
        for (uint256 i = 0; i < 4; i++) {
            (, bytes32[] memory proof) = Merkle.tree4(l, i);
            claims[i] = IRewardsDistributor.Claim(who[i], what[i], amount[i], proof);
        }
        vm.prank(address(0x7E1A7)); // a relayer
        assertEq(d.claimMany(claims), 100);
        assertEq(token.balanceOf(ALICE), 10);
        assertEq(partner.balanceOf(ALICE), 20);
        assertEq(token.balanceOf(BOB), 30);
        assertEq(partner.balanceOf(BOB), 40);
        assertEq(d.totalClaimed(address(token)), 40);
        assertEq(d.totalClaimed(address(partner)), 60);
    }

    function test_claimMany_acceptsAnEmptyBatch() public {
        assertEq(d.claimMany(new IRewardsDistributor.Claim[](0)), 0);
    }

    /// @dev Any sequence of epochs and claims by a relayer: each account is paid its latest cumulative amount once.
    function testFuzz_claimMany_replaysPayNothing(uint64 a1, uint64 b1, uint64 a2, uint64 b2) public {
        (bytes32[] memory pa, bytes32[] memory pb) = _epoch(1, a1, b1);
        IRewardsDistributor.Claim[] memory claims = new IRewardsDistributor.Claim[](2);
        claims[0] = IRewardsDistributor.Claim(ALICE, address(token), a1, pa);
        claims[1] = IRewardsDistributor.Claim(BOB, address(token), b1, pb);
        assertEq(d.claimMany(claims), uint256(a1) + b1);
        assertEq(d.claimMany(claims), 0, "a replay pays nothing");
        uint256 x = uint256(a1) + a2;
        uint256 y = uint256(b1) + b2;
        (pa, pb) = _epoch(2, x, y);
        claims[0] = IRewardsDistributor.Claim(ALICE, address(token), x, pa);
        claims[1] = IRewardsDistributor.Claim(BOB, address(token), y, pb);
        assertEq(d.claimMany(claims), uint256(a2) + b2, "the second epoch pays only its increase");
        assertEq(d.claimMany(claims), 0, "a replay pays nothing");
        assertEq(token.balanceOf(ALICE), x);
        assertEq(token.balanceOf(BOB), y);
        assertEq(d.totalClaimed(address(token)), x + y);
        assertLe(d.totalClaimed(address(token)), d.totalFunded(address(token)), "never more claimed than funded");
    }
}

/// @notice Random sequences of funding, proposals, acceptances and claims (with replays) against the books.
contract DistributorHandler is Test {
    RewardsDistributor public d;
    TestToken public token;
    address internal constant PROPOSER = address(0xB0B);
    address[4] internal accounts = [address(0x2001), address(0x2002), address(0x2003), address(0x2004)];
    uint256[4] internal totals;
    uint256 public paidOut;
    uint256 public epochs;
    uint256 public replays;
    bool public paidTwice;

    constructor() {
        d = new RewardsDistributor(address(this), PROPOSER, 0);
        token = new TestToken();
        token.mint(address(this), 1e36);
        token.approve(address(d), type(uint256).max);
    }

    function fund(uint96 amount) external {
        if (amount > 0) d.fund(address(token), amount);
    }

    function earn(uint256 who, uint64 amount) external {
        uint256[4] memory next = totals;
        next[who % 4] += amount;
        uint256 sum = next[0] + next[1] + next[2] + next[3];
        if (sum > d.totalFunded(address(token))) return;
        bytes32[4] memory leaves;
        for (uint256 i = 0; i < 4; i++) leaves[i] = Merkle.leaf(accounts[i], address(token), next[i]);
        (bytes32 root,) = Merkle.tree4(leaves, 0);
        address[] memory t = new address[](1);
        t[0] = address(token);
        uint256[] memory v = new uint256[](1);
        v[0] = sum;
        uint64 epoch = d.currentEpoch() + 1;
        vm.prank(PROPOSER);
        d.proposeRoot(root, epoch, t, v, 0);
        d.acceptRoot(epoch);
        totals = next;
        epochs++;
    }

    function claim(uint256 who) external {
        uint256 i = who % 4;
        bytes32[4] memory leaves;
        for (uint256 k = 0; k < 4; k++) leaves[k] = Merkle.leaf(accounts[k], address(token), totals[k]);
        (, bytes32[] memory proof) = Merkle.tree4(leaves, i);
        if (d.currentEpoch() == 0 || totals[i] <= d.claimed(accounts[i], address(token))) return;
        paidOut += d.claim(accounts[i], address(token), totals[i], proof);
    }

    /// @dev Sends an account's latest claim again, alone and in a relayer's batch: both must pay nothing.
    function replay(uint256 who) external {
        uint256 i = who % 4;
        if (d.currentEpoch() == 0 || d.claimed(accounts[i], address(token)) < totals[i]) return;
        bytes32[4] memory leaves;
        for (uint256 k = 0; k < 4; k++) leaves[k] = Merkle.leaf(accounts[k], address(token), totals[k]);
        (, bytes32[] memory proof) = Merkle.tree4(leaves, i);
        uint256 before = token.balanceOf(accounts[i]);
        try d.claim(accounts[i], address(token), totals[i], proof) {
            paidTwice = true;
        } catch (bytes memory reason) {
            if (bytes4(reason) != IRewardsDistributor.NothingToClaim.selector) paidTwice = true;
        }
        IRewardsDistributor.Claim[] memory batch = new IRewardsDistributor.Claim[](1);
        batch[0] = IRewardsDistributor.Claim(accounts[i], address(token), totals[i], proof);
        if (d.claimMany(batch) != 0 || token.balanceOf(accounts[i]) != before) paidTwice = true;
        replays++;
    }

    function balanceOf(uint256 i) external view returns (uint256) {
        return token.balanceOf(accounts[i]);
    }

    function totalOf(uint256 i) external view returns (uint256) {
        return totals[i];
    }
}

contract DistributorInvariantTest is Test {
    DistributorHandler internal h;

    function setUp() public {
        h = new DistributorHandler();
        targetContract(address(h));
    }

    function invariant_neverMoreClaimedThanFunded() public view {
        RewardsDistributor d = h.d();
        address t = address(h.token());
        assertLe(d.totalClaimed(t), d.cumulativeTotal(t), "claimed <= accepted total");
        assertLe(d.cumulativeTotal(t), d.totalFunded(t), "accepted total <= funded");
        assertEq(d.totalClaimed(t), h.paidOut(), "every claim paid what the books say");
    }

    function invariant_aClaimTwicePaysOnce() public view {
        assertTrue(!h.paidTwice(), "a replayed claim paid again");
    }

    function invariant_distributorHoldsWhatIsUnclaimed() public view {
        RewardsDistributor d = h.d();
        address t = address(h.token());
        assertEq(h.token().balanceOf(address(d)), d.totalFunded(t) - d.totalClaimed(t), "funded - claimed is held");
    }

    function invariant_noAccountPaidBeyondItsLeaf() public view {
        for (uint256 i = 0; i < 4; i++) assertLe(h.balanceOf(i), h.totalOf(i), "paid at most its cumulative total");
    }
}
