// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {AssetRegistry} from "../AssetRegistry.sol";
import {IAssetRegistry} from "../interfaces/IAssetRegistry.sol";
import {IRevenueVault} from "../interfaces/IRevenueVault.sol";
import {FeeToken, ReentrantToken, TestToken} from "./TestTokens.sol";
import {Merkle} from "./utils/Merkle.sol";
import {MarketplaceBase, ShareLeaf} from "./MarketplaceBase.t.sol";

/// @notice Deposits, the fee, royalties up the lineage, and claims by owners and co-owners.
contract MarketplaceRevenueTest is MarketplaceBase {
    function test_constructor_revertsOnAFeeAboveTheCap() public {
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.FeeTooHigh.selector, 2001, 2000));
        new AssetRegistry(ADMIN, REGISTRAR, GOVERNOR, FEES, 2001);
    }

    function test_setFee_governorOnlyAndCapped() public {
        vm.startPrank(GOVERNOR);
        vm.expectEmit(false, false, false, true, address(r));
        emit IRevenueVault.FeeChanged(2000);
        r.setFee(2000);
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.FeeTooHigh.selector, 2001, 2000));
        r.setFee(2001);
        vm.stopPrank();
        assertEq(r.feeBps(), 2000);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, ADMIN, r.GOVERNOR_ROLE())
        );
        vm.prank(ADMIN);
        r.setFee(0);
    }

    function test_setFeeReceiver_adminOnly() public {
        vm.prank(ADMIN);
        r.setFeeReceiver(BOB);
        assertEq(r.feeReceiver(), BOB);
        vm.expectRevert(IRevenueVault.ZeroAddress.selector);
        vm.prank(ADMIN);
        r.setFeeReceiver(address(0));
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, GOVERNOR, bytes32(0))
        );
        vm.prank(GOVERNOR);
        r.setFeeReceiver(GOVERNOR);
    }

    function test_setCurrencyAllowed_adminOnly() public {
        assertTrue(r.isCurrencyAllowed(address(token)));
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, ALICE, bytes32(0))
        );
        vm.prank(ALICE);
        r.setCurrencyAllowed(address(token), false);
    }

    function test_depositRevenue_takesTheFeeAndCreditsTheOwner() public {
        uint256 id = _asset(ALICE, 0, _noParents());
        vm.expectEmit(true, true, true, true, address(r));
        emit IRevenueVault.RevenueDeposited(id, address(token), address(this), 1000, 50);
        vm.expectEmit(true, true, true, true, address(r));
        emit IRevenueVault.RevenueRouted(id, 0, address(token), 950, 950);
        r.depositRevenue(id, address(token), 1000);
        assertEq(r.totalDeposited(address(token)), 1000);
        assertEq(r.feesOwed(address(token)), 50);
        assertEq(r.credited(id, address(token)), 950);
        assertEq(token.balanceOf(address(r)), 1000);
    }

    function test_depositRevenue_revertsOnAnUnknownAssetZeroOrAStrangeToken() public {
        uint256 id = _asset(ALICE, 0, _noParents());
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.UnknownAsset.selector, id + 1));
        r.depositRevenue(id + 1, address(token), 1);
        vm.expectRevert(IRevenueVault.ZeroAmount.selector);
        r.depositRevenue(id, address(token), 0);
        TestToken other = new TestToken();
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.CurrencyNotAllowed.selector, address(other)));
        r.depositRevenue(id, address(other), 1);
    }

    function test_depositRevenue_creditsWhatArrivesOfAFeeToken() public {
        FeeToken fee = new FeeToken();
        vm.prank(ADMIN);
        r.setCurrencyAllowed(address(fee), true);
        uint256 id = _asset(ALICE, 0, _noParents());
        fee.approve(address(r), 1000);
        r.depositRevenue(id, address(fee), 1000);
        assertEq(r.totalDeposited(address(fee)), 990);
        assertEq(r.credited(id, address(fee)), _net(990));
    }

    function test_depositRevenue_splitsTheParentShareEqually() public {
        uint256 a = _asset(ALICE, 0, _noParents());
        uint256 b = _asset(BOB, 0, _noParents());
        uint256 c = _asset(CAROL, 3000, _parents(a, b));
        r.depositRevenue(c, address(token), 10_000);
        // 500 fee; 30% of 9,500 = 2,850 goes up, 1,425 to each parent.
        assertEq(r.credited(c, address(token)), 6650);
        assertEq(r.credited(a, address(token)), 1425);
        assertEq(r.credited(b, address(token)), 1425);
        assertEq(r.feesOwed(address(token)), 500);
    }

    function test_depositRevenue_keepsTheSplitRemainderWithTheHolders() public {
        uint256 a = _asset(ALICE, 0, _noParents());
        uint256 b = _asset(BOB, 0, _noParents());
        uint256 c = _asset(CAROL, 10_000, _parents(a, b));
        vm.prank(GOVERNOR);
        r.setFee(0);
        r.depositRevenue(c, address(token), 3);
        assertEq(r.credited(a, address(token)), 1);
        assertEq(r.credited(b, address(token)), 1);
        assertEq(r.credited(c, address(token)), 1, "the odd unit stays");
    }

    function test_depositRevenue_followsEachParentsOwnTerms() public {
        uint256 grand = _asset(ALICE, 0, _noParents());
        uint256 parent = _asset(BOB, 5000, _parents(grand));
        uint256 child = _asset(CAROL, 2000, _parents(parent));
        vm.expectEmit(true, true, true, true, address(r));
        emit IRevenueVault.RevenueRouted(child, 0, address(token), 9500, 7600);
        vm.expectEmit(true, true, true, true, address(r));
        emit IRevenueVault.RevenueRouted(parent, child, address(token), 1900, 950);
        vm.expectEmit(true, true, true, true, address(r));
        emit IRevenueVault.RevenueRouted(grand, parent, address(token), 950, 950);
        r.depositRevenue(child, address(token), 10_000);
        assertEq(r.credited(child, address(token)), 7600);
        assertEq(r.credited(parent, address(token)), 950);
        assertEq(r.credited(grand, address(token)), 950);
    }

    function test_depositRevenue_stopsClimbingAtTheMaxDepth() public {
        vm.prank(GOVERNOR);
        r.setFee(0);
        uint256[] memory chain = new uint256[](11);
        chain[0] = _asset(ALICE, 10_000, _noParents());
        for (uint256 i = 1; i < 11; i++) {
            chain[i] = _asset(ALICE, 10_000, _parents(chain[i - 1]));
        }
        // Everything goes up each level; the asset 8 levels up keeps it, those above get nothing.
        r.depositRevenue(chain[10], address(token), 1000);
        assertEq(r.credited(chain[2], address(token)), 1000);
        for (uint256 i = 3; i < 11; i++) {
            assertEq(r.credited(chain[i], address(token)), 0, "passed everything on");
        }
        assertEq(r.credited(chain[1], address(token)), 0, "beyond the max depth");
        assertEq(r.credited(chain[0], address(token)), 0, "beyond the max depth");
    }

    function test_depositRevenue_countsEachPathOfADiamond() public {
        uint256 root = _asset(ALICE, 0, _noParents());
        uint256 left = _asset(BOB, 10_000, _parents(root));
        uint256 right = _asset(CAROL, 10_000, _parents(root));
        uint256 tip = _asset(DAVE, 5000, _parents(left, right));
        r.depositRevenue(tip, address(token), 10_000);
        assertEq(r.credited(tip, address(token)), 4750);
        assertEq(r.credited(root, address(token)), 4750, "both halves reach the root");
        assertEq(r.credited(left, address(token)) + r.credited(right, address(token)), 0);
    }

    function test_claimRevenue_paysTheOwnerOncePerDeposit() public {
        uint256 id = _asset(ALICE, 0, _noParents());
        r.depositRevenue(id, address(token), 1000);
        vm.expectEmit(true, true, true, true, address(r));
        emit IRevenueVault.RevenueClaimed(id, address(token), ALICE, 950);
        vm.prank(BOB); // anyone may send it; the tokens go to the owner
        assertEq(r.claimRevenue(id, address(token), ALICE, 1, new bytes32[](0)), 950);
        assertEq(token.balanceOf(ALICE), 950);
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.NothingToClaim.selector, id, address(token), ALICE));
        r.claimRevenue(id, address(token), ALICE, 1, new bytes32[](0));
        r.depositRevenue(id, address(token), 200);
        assertEq(r.claimRevenue(id, address(token), ALICE, 1, new bytes32[](0)), 190, "only the new revenue");
        assertEq(r.claimedOf(id, address(token)), 1140);
        assertEq(r.totalClaimed(address(token)), 1140);
    }

    function test_claimRevenue_revertsForAnyoneButTheOwnerWithWeightOne() public {
        uint256 id = _asset(ALICE, 0, _noParents());
        r.depositRevenue(id, address(token), 1000);
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.NotAHolder.selector, id, BOB, 1));
        r.claimRevenue(id, address(token), BOB, 1, new bytes32[](0));
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.NotAHolder.selector, id, ALICE, 2));
        r.claimRevenue(id, address(token), ALICE, 2, new bytes32[](0));
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.UnknownAsset.selector, 7));
        r.claimRevenue(7, address(token), ALICE, 1, new bytes32[](0));
    }

    function test_claimRevenue_unclaimedRevenueMovesWithTheAsset() public {
        uint256 id = _asset(ALICE, 0, _noParents());
        r.depositRevenue(id, address(token), 1000);
        r.claimRevenue(id, address(token), ALICE, 1, new bytes32[](0));
        r.depositRevenue(id, address(token), 2000);
        vm.prank(ALICE);
        r.transferAsset(id, BOB);
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.NotAHolder.selector, id, ALICE, 1));
        r.claimRevenue(id, address(token), ALICE, 1, new bytes32[](0));
        assertEq(r.claimRevenue(id, address(token), BOB, 1, new bytes32[](0)), 1900, "not what alice took");
        assertEq(r.claimedOf(id, address(token)), 2850);
    }

    function test_claimRevenue_paysCoOwnersByWeight() public {
        (uint256 id, bytes32[4] memory leaves) = _communityAsset();
        (bytes32 root,) = Merkle.tree4(leaves, 0);
        vm.prank(REGISTRAR);
        r.commitShares(id, root, 10);
        r.depositRevenue(id, address(token), 10_000);
        address[4] memory who = [ALICE, BOB, CAROL, DAVE];
        for (uint256 i = 0; i < 4; i++) {
            (, bytes32[] memory proof) = Merkle.tree4(leaves, i);
            assertEq(r.claimable(id, address(token), who[i], i + 1), 950 * (i + 1));
            assertEq(r.claimRevenue(id, address(token), who[i], i + 1, proof), 950 * (i + 1));
            assertEq(token.balanceOf(who[i]), 950 * (i + 1));
        }
        assertEq(r.claimedOf(id, address(token)), 9500);
        (, bytes32[] memory aliceProof) = Merkle.tree4(leaves, 0);
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.NothingToClaim.selector, id, address(token), ALICE));
        r.claimRevenue(id, address(token), ALICE, 1, aliceProof);
    }

    function test_claimRevenue_sharesRevenueCreditedBeforeTheCommitment() public {
        (uint256 id, bytes32[4] memory leaves) = _communityAsset();
        r.depositRevenue(id, address(token), 1000);
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.SharesNotCommitted.selector, id));
        r.claimRevenue(id, address(token), REGISTRAR, 1, new bytes32[](0));
        assertEq(r.claimable(id, address(token), DAVE, 4), 0);
        (bytes32 root, bytes32[] memory daveProof) = Merkle.tree4(leaves, 3);
        vm.prank(REGISTRAR);
        r.commitShares(id, root, 10);
        assertEq(r.claimRevenue(id, address(token), DAVE, 4, daveProof), 380);
    }

    function test_claimRevenue_revertsOnABadProof() public {
        (uint256 id, bytes32[4] memory leaves) = _communityAsset();
        (bytes32 root, bytes32[] memory aliceProof) = Merkle.tree4(leaves, 0);
        vm.prank(REGISTRAR);
        r.commitShares(id, root, 10);
        r.depositRevenue(id, address(token), 1000);
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.NotAHolder.selector, id, ALICE, 4));
        r.claimRevenue(id, address(token), ALICE, 4, aliceProof);
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.NotAHolder.selector, id, BOB, 1));
        r.claimRevenue(id, address(token), BOB, 1, aliceProof);
        // The registrar owns the community asset but is not one of its holders.
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.NotAHolder.selector, id, REGISTRAR, 1));
        r.claimRevenue(id, address(token), REGISTRAR, 1, new bytes32[](0));
    }

    function test_claimRevenue_paysOnlyNewRevenueToCoOwners() public {
        (uint256 id, bytes32[4] memory leaves) = _communityAsset();
        (bytes32 root, bytes32[] memory bobProof) = Merkle.tree4(leaves, 1);
        vm.prank(REGISTRAR);
        r.commitShares(id, root, 10);
        r.depositRevenue(id, address(token), 1000);
        assertEq(r.claimRevenue(id, address(token), BOB, 2, bobProof), 190);
        r.depositRevenue(id, address(token), 1000);
        assertEq(r.claimRevenue(id, address(token), BOB, 2, bobProof), 190);
        assertEq(r.claimed(id, address(token), BOB), 380);
    }

    function test_claimRevenue_revertsWhenAFaultyRootWouldOverpay() public {
        // Leaves of 6 and 6 under a declared total of 10: the asset's credit still caps what its holders take.
        (uint256 id,) = _communityAsset();
        bytes32 a = ShareLeaf.hash(ALICE, 6);
        bytes32 b = ShareLeaf.hash(BOB, 6);
        (bytes32 root, bytes32[] memory aliceProof) = Merkle.tree2(a, b, 0);
        (, bytes32[] memory bobProof) = Merkle.tree2(a, b, 1);
        vm.prank(REGISTRAR);
        r.commitShares(id, root, 10);
        uint256 other = _asset(CAROL, 0, _noParents());
        r.depositRevenue(other, address(token), 10_000);
        r.depositRevenue(id, address(token), 1000);
        assertEq(r.claimRevenue(id, address(token), ALICE, 6, aliceProof), 570);
        assertEq(r.claimable(id, address(token), BOB, 6), 380, "capped by what is left of the credit");
        vm.expectRevert(
            abi.encodeWithSelector(IRevenueVault.ClaimExceedsCredit.selector, id, address(token), 1140, 950)
        );
        r.claimRevenue(id, address(token), BOB, 6, bobProof);
        assertEq(r.claimRevenue(other, address(token), CAROL, 1, new bytes32[](0)), 9500, "the other asset is whole");
    }

    function test_claimRevenue_revertsOnReentry() public {
        ReentrantToken re = new ReentrantToken();
        vm.prank(ADMIN);
        r.setCurrencyAllowed(address(re), true);
        re.mint(address(this), 1000);
        re.approve(address(r), 1000);
        uint256 a = _asset(ALICE, 0, _noParents());
        uint256 b = _asset(BOB, 0, _noParents());
        r.depositRevenue(a, address(re), 500);
        r.depositRevenue(b, address(re), 500);
        // Paying alice calls claim for bob while alice's claim is running.
        re.arm(address(r), address(r), abi.encodeCall(r.claimRevenue, (b, address(re), BOB, 1, new bytes32[](0))));
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        r.claimRevenue(a, address(re), ALICE, 1, new bytes32[](0));
    }

    function test_purchaseLicense_revertsOnReentry() public {
        ReentrantToken re = new ReentrantToken();
        vm.prank(ADMIN);
        r.setCurrencyAllowed(address(re), true);
        re.mint(BUYER, 1000);
        IAssetRegistry.Terms memory t = _terms(false, 0, 10, 1 days);
        t.currency = address(re);
        vm.prank(ALICE);
        uint256 id = r.register(IAssetRegistry.Kind.Model, keccak256("m"), "", t, _noParents());
        vm.startPrank(BUYER);
        re.approve(address(r), 1000);
        // Taking the buyer's payment calls deposit while the purchase is running.
        re.arm(BUYER, address(r), abi.encodeCall(r.depositRevenue, (id, address(re), 1)));
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        r.purchaseLicense(id, address(re), 10);
        vm.stopPrank();
    }

    function test_withdrawFees_paysTheReceiverOnce() public {
        uint256 id = _asset(ALICE, 0, _noParents());
        r.depositRevenue(id, address(token), 1000);
        vm.expectEmit(true, true, false, true, address(r));
        emit IRevenueVault.FeesWithdrawn(address(token), FEES, 50);
        vm.prank(BOB);
        assertEq(r.withdrawFees(address(token)), 50);
        assertEq(token.balanceOf(FEES), 50);
        assertEq(r.feesWithdrawn(address(token)), 50);
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.NoFees.selector, address(token)));
        r.withdrawFees(address(token));
    }

    /// @dev Whatever the fee and the shares, every unit deposited is a fee or a credit of exactly one asset.
    function testFuzz_depositRevenue_conservesEveryUnit(uint96 amount, uint16 fee, uint16 bpsMid, uint16 bpsTip)
        public
    {
        vm.assume(amount > 0);
        fee = uint16(bound(fee, 0, 2000));
        bpsMid = uint16(bound(bpsMid, 0, 10_000));
        bpsTip = uint16(bound(bpsTip, 0, 10_000));
        vm.prank(GOVERNOR);
        r.setFee(fee);
        uint256 a = _asset(ALICE, 0, _noParents());
        uint256 b = _asset(BOB, 0, _noParents());
        uint256 mid = _asset(CAROL, bpsMid, _parents(a, b));
        uint256 tip = _asset(DAVE, bpsTip, _parents(mid, a));
        r.depositRevenue(tip, address(token), amount);
        uint256 sum = r.credited(a, address(token)) + r.credited(b, address(token)) + r.credited(mid, address(token))
            + r.credited(tip, address(token));
        assertEq(sum + r.feesOwed(address(token)), amount, "fees and credits add up to the deposit");
        assertEq(r.feesOwed(address(token)), (uint256(amount) * fee) / 10_000, "the fee");
        uint256 net = amount - r.feesOwed(address(token));
        assertEq(r.credited(tip, address(token)), net - 2 * ((net * bpsTip) / 10_000 / 2), "the tip keeps its part");
    }

    /// @dev Co-owners claiming in any order after any deposits get floor(credit * weight / total) each, never more
    /// than the asset was credited, and nothing when they claim again.
    function testFuzz_claimRevenue_coOwnersSplitByWeight(uint64[4] memory weights, uint96 d1, uint96 d2, uint8 order)
        public
    {
        uint256 total;
        for (uint256 i = 0; i < 4; i++) {
            _weights[i] = bound(weights[i], 1, type(uint64).max);
            total += _weights[i];
            _leaves[i] = ShareLeaf.hash(_who[i], _weights[i]);
        }
        (uint256 id,) = _communityAsset();
        (bytes32 root,) = Merkle.tree4(_leaves, 0);
        vm.prank(REGISTRAR);
        r.commitShares(id, root, total);
        if (d1 > 0) r.depositRevenue(id, address(token), d1);
        uint256 first = order % 4;
        _claimIfOwed(id, first);
        if (d2 > 0) r.depositRevenue(id, address(token), d2);
        uint256 credit = r.credited(id, address(token));
        for (uint256 k = 0; k < 4; k++) {
            uint256 i = (first + k) % 4;
            _claimIfOwed(id, i);
            assertEq(token.balanceOf(_who[i]), (credit * _weights[i]) / total, "paid its part of the credit");
            assertEq(r.claimable(id, address(token), _who[i], _weights[i]), 0, "nothing left to claim");
        }
        assertLe(r.claimedOf(id, address(token)), credit, "never more than credited");
        assertLe(credit - r.claimedOf(id, address(token)), 3, "at most a unit of dust per co-owner but one");
    }

    address[4] internal _who = [ALICE, BOB, CAROL, DAVE];
    uint256[4] internal _weights;
    bytes32[4] internal _leaves;

    function _claimIfOwed(uint256 id, uint256 i) internal {
        (, bytes32[] memory proof) = Merkle.tree4(_leaves, i);
        if (r.claimable(id, address(token), _who[i], _weights[i]) > 0) {
            r.claimRevenue(id, address(token), _who[i], _weights[i], proof);
        }
    }
}
