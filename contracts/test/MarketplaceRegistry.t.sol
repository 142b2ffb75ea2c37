// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IAssetRegistry} from "../interfaces/IAssetRegistry.sol";
import {IRevenueVault} from "../interfaces/IRevenueVault.sol";
import {TestToken} from "./TestTokens.sol";
import {MarketplaceBase} from "./MarketplaceBase.t.sol";

/// @notice Registration, lineage, terms, ownership and licenses.
contract MarketplaceRegistryTest is MarketplaceBase {
    function test_register_recordsTheAsset() public {
        vm.prank(ALICE);
        uint256 id = r.register(
            IAssetRegistry.Kind.Model, keccak256("weights"), "ipfs://m", _terms(false, 0, 7, 30 days), _noParents()
        );
        assertEq(id, 1);
        assertEq(r.assetCount(), 1);
        (address owner, IAssetRegistry.Kind kind, bool community, bytes32 contentHash, string memory uri) =
            r.assetOf(id);
        assertEq(owner, ALICE);
        assertTrue(kind == IAssetRegistry.Kind.Model, "kind");
        assertTrue(!community, "sole owner");
        assertEq(contentHash, keccak256("weights"));
        assertEq(keccak256(bytes(uri)), keccak256("ipfs://m"));
        IAssetRegistry.Terms memory t = r.termsOf(id);
        assertEq(t.price, 7);
        assertEq(t.durationSeconds, 30 days);
        assertEq(t.currency, address(token));
        assertTrue(!t.derivativesAllowed && t.commercialUse && t.attributionRequired, "flags");
        assertEq(r.parentsOf(id).length, 0);
        assertEq(_asset(BOB, 0, _noParents()), 2, "ids go up by one");
    }

    function test_register_emitsAssetRegisteredAndLineage() public {
        uint256 a = _asset(ALICE, 0, _noParents());
        uint256 b = _asset(BOB, 0, _noParents());
        vm.expectEmit(true, true, true, true, address(r));
        emit IAssetRegistry.AssetRegistered(3, IAssetRegistry.Kind.Agent, CAROL, CAROL, false, keccak256("agent"), "u");
        vm.expectEmit(true, true, false, true, address(r));
        emit IAssetRegistry.LineageRecorded(3, a, IAssetRegistry.Relation.TrainedOn);
        vm.expectEmit(true, true, false, true, address(r));
        emit IAssetRegistry.LineageRecorded(3, b, IAssetRegistry.Relation.FineTunedFrom);
        vm.prank(CAROL);
        r.register(IAssetRegistry.Kind.Agent, keccak256("agent"), "u", _terms(true, 100, 0, 0), _parents(a, b));
        IAssetRegistry.Parent[] memory p = r.parentsOf(3);
        assertEq(p.length, 2);
        assertEq(p[0].assetId, a);
        assertTrue(p[0].relation == IAssetRegistry.Relation.TrainedOn, "first relation");
        assertEq(p[1].assetId, b);
        assertTrue(p[1].relation == IAssetRegistry.Relation.FineTunedFrom, "second relation");
    }

    function test_register_revertsOnZeroContentHash() public {
        vm.expectRevert(IAssetRegistry.ZeroContentHash.selector);
        r.register(IAssetRegistry.Kind.Dataset, 0, "", _terms(true, 0, 0, 0), _noParents());
    }

    function test_register_revertsOnAParentShareAboveAll() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.BadParentShare.selector, 10_001));
        r.register(IAssetRegistry.Kind.Dataset, keccak256("x"), "", _terms(true, 10_001, 0, 0), _noParents());
    }

    function test_register_revertsOnACurrencyNotAllowed() public {
        IAssetRegistry.Terms memory t = _terms(true, 0, 1, 0);
        t.currency = address(new TestToken());
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.CurrencyNotAllowed.selector, t.currency));
        r.register(IAssetRegistry.Kind.Dataset, keccak256("x"), "", t, _noParents());
    }

    function test_register_revertsOnAnUnknownParent() public {
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.UnknownAsset.selector, 1));
        _asset(ALICE, 0, _parents(1));
    }

    function test_register_revertsOnADuplicateParent() public {
        uint256 a = _asset(ALICE, 0, _noParents());
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.DuplicateParent.selector, a));
        _asset(BOB, 0, _parents(a, a));
    }

    function test_register_revertsOnTooManyParents() public {
        IAssetRegistry.Parent[] memory p = new IAssetRegistry.Parent[](9);
        for (uint256 i = 0; i < 9; i++) {
            p[i] = IAssetRegistry.Parent(_asset(ALICE, 0, _noParents()), IAssetRegistry.Relation.DerivedFrom);
        }
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.TooManyParents.selector, 9, 8));
        _asset(BOB, 0, p);
    }

    function test_register_revertsWhenAParentForbidsDerivatives() public {
        uint256 closed = _closedAsset(ALICE);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.DerivativesNotAllowed.selector, closed, BOB));
        _asset(BOB, 0, _parents(closed));
    }

    function test_register_acceptsAForbiddingParentWithALicenseOrToItsOwner() public {
        uint256 closed = _closedAsset(ALICE);
        _asset(ALICE, 0, _parents(closed)); // its owner may
        token.mint(BOB, 10);
        vm.startPrank(BOB);
        token.approve(address(r), 10);
        r.purchaseLicense(closed, address(token), 10);
        vm.stopPrank();
        uint256 child = _asset(BOB, 1000, _parents(closed));
        assertEq(r.parentsOf(child)[0].assetId, closed);
    }

    function test_register_revertsWithAnExpiredLicense() public {
        uint256 closed = _closedAsset(ALICE);
        vm.prank(BUYER);
        r.purchaseLicense(closed, address(token), 10);
        vm.warp(block.timestamp + 1 days);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.DerivativesNotAllowed.selector, closed, BUYER));
        _asset(BUYER, 0, _parents(closed));
    }

    function test_register_acceptsALongChain() public {
        // Depth is capped where deposits stop climbing, so a long chain of single parents stays registrable.
        uint256 id = _asset(ALICE, 5000, _noParents());
        for (uint256 i = 0; i < 20; i++) {
            id = _asset(ALICE, 5000, _parents(id));
        }
        assertEq(id, 21);
    }

    function test_register_revertsOnATooWideLineage() public {
        uint256 root = _asset(ALICE, 0, _noParents());
        IAssetRegistry.Parent[] memory eight = new IAssetRegistry.Parent[](8);
        for (uint256 i = 0; i < 8; i++) {
            eight[i] = IAssetRegistry.Parent(_asset(ALICE, 100, _parents(root)), IAssetRegistry.Relation.DerivedFrom);
        }
        // Each of these reaches 1 + 8 * 2 = 17 assets; four of them as parents would make a deposit reach 69.
        IAssetRegistry.Parent[] memory wide = new IAssetRegistry.Parent[](4);
        for (uint256 i = 0; i < 4; i++) {
            wide[i] = IAssetRegistry.Parent(_asset(ALICE, 100, eight), IAssetRegistry.Relation.DerivedFrom);
        }
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.LineageTooWide.selector, 69, 64));
        _asset(BOB, 100, wide);
        IAssetRegistry.Parent[] memory three = new IAssetRegistry.Parent[](3);
        for (uint256 i = 0; i < 3; i++) {
            three[i] = wide[i];
        }
        _asset(BOB, 100, three); // 52 is within the bound
    }

    function test_registerFor_makesACommunityAsset() public {
        (uint256 id,) = _communityAsset();
        (address owner,, bool community,,) = r.assetOf(id);
        assertEq(owner, REGISTRAR);
        assertTrue(community, "community");
        (bytes32 root, uint256 totalWeight) = r.sharesOf(id);
        assertEq(root, bytes32(0));
        assertEq(totalWeight, 0);
    }

    function test_registerFor_revertsForOthers() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, ALICE, r.REGISTRAR_ROLE())
        );
        vm.prank(ALICE);
        r.registerFor(ALICE, IAssetRegistry.Kind.Dataset, keccak256("x"), "", _terms(true, 0, 0, 0), _noParents());
    }

    function test_registerFor_revertsOnAZeroOwner() public {
        vm.expectRevert(IRevenueVault.ZeroAddress.selector);
        vm.prank(REGISTRAR);
        r.registerFor(address(0), IAssetRegistry.Kind.Dataset, keccak256("x"), "", _terms(true, 0, 0, 0), _noParents());
    }

    function test_commitShares_freezesTheRootOnce() public {
        (uint256 id,) = _communityAsset();
        vm.expectEmit(true, false, false, true, address(r));
        emit IAssetRegistry.SharesCommitted(id, keccak256("root"), 10);
        vm.startPrank(REGISTRAR);
        r.commitShares(id, keccak256("root"), 10);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.SharesAlreadyCommitted.selector, id));
        r.commitShares(id, keccak256("other"), 11);
        vm.stopPrank();
        (bytes32 root, uint256 totalWeight) = r.sharesOf(id);
        assertEq(root, keccak256("root"));
        assertEq(totalWeight, 10);
    }

    function test_commitShares_revertsForASoleOwnerAsset() public {
        uint256 id = _asset(ALICE, 0, _noParents());
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.NotCommunity.selector, id));
        vm.prank(REGISTRAR);
        r.commitShares(id, keccak256("root"), 10);
    }

    function test_commitShares_revertsOnAZeroRootOrWeight() public {
        (uint256 id,) = _communityAsset();
        vm.startPrank(REGISTRAR);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.BadShares.selector, bytes32(0), 10));
        r.commitShares(id, 0, 10);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.BadShares.selector, keccak256("root"), 0));
        r.commitShares(id, keccak256("root"), 0);
        vm.stopPrank();
    }

    function test_commitShares_revertsForOthersAndUnknownAssets() public {
        (uint256 id,) = _communityAsset();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, ALICE, r.REGISTRAR_ROLE())
        );
        vm.prank(ALICE);
        r.commitShares(id, keccak256("root"), 10);
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.UnknownAsset.selector, 99));
        vm.prank(REGISTRAR);
        r.commitShares(99, keccak256("root"), 10);
    }

    function test_setMetadataURI_byTheOwnerOnly() public {
        uint256 id = _asset(ALICE, 0, _noParents());
        vm.expectEmit(true, false, false, true, address(r));
        emit IAssetRegistry.MetadataChanged(id, "ipfs://v2");
        vm.prank(ALICE);
        r.setMetadataURI(id, "ipfs://v2");
        (,,,, string memory uri) = r.assetOf(id);
        assertEq(keccak256(bytes(uri)), keccak256("ipfs://v2"));
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.NotAssetOwner.selector, id, BOB, ALICE));
        vm.prank(BOB);
        r.setMetadataURI(id, "ipfs://mine");
    }

    function test_setTerms_appliesToLaterPurchasesOnly() public {
        uint256 id = _closedAsset(ALICE);
        vm.prank(BUYER);
        uint64 first = r.purchaseLicense(id, address(token), 10);
        vm.prank(ALICE);
        r.setTerms(id, _terms(false, 0, 25, 2 hours));
        assertEq(r.licenseExpiry(id, BUYER), first, "a license bought stays as bought");
        uint256 before = token.balanceOf(BUYER);
        vm.prank(BUYER);
        uint64 second = r.purchaseLicense(id, address(token), 25);
        assertEq(before - token.balanceOf(BUYER), 25, "the new price");
        assertEq(second, first + 2 hours, "the new duration, from the current expiry");
    }

    function test_setTerms_revertsForOthersAndOnBadTerms() public {
        uint256 id = _asset(ALICE, 0, _noParents());
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.NotAssetOwner.selector, id, BOB, ALICE));
        vm.prank(BOB);
        r.setTerms(id, _terms(true, 0, 0, 0));
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.BadParentShare.selector, 20_000));
        vm.prank(ALICE);
        r.setTerms(id, _terms(true, 20_000, 0, 0));
    }

    function test_setTerms_neverLowersWhatParentsGet() public {
        uint256 a = _asset(ALICE, 0, _noParents());
        uint256 b = _asset(BOB, 3000, _parents(a));
        vm.startPrank(BOB);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.ParentShareLowered.selector, b, 3000, 2999));
        r.setTerms(b, _terms(true, 2999, 0, 0));
        r.setTerms(b, _terms(true, 3500, 0, 0));
        vm.stopPrank();
        assertEq(r.termsOf(b).parentShareBps, 3500);
        // Without parents the share passes nothing to anyone, so it is free.
        vm.prank(ALICE);
        r.setTerms(a, _terms(true, 0, 0, 0));
    }

    function test_transferAsset_movesOwnership() public {
        uint256 id = _asset(ALICE, 0, _noParents());
        vm.expectEmit(true, true, true, true, address(r));
        emit IAssetRegistry.AssetTransferred(id, ALICE, BOB);
        vm.prank(ALICE);
        r.transferAsset(id, BOB);
        (address owner,,,,) = r.assetOf(id);
        assertEq(owner, BOB);
        assertTrue(r.hasLicense(id, BOB) && !r.hasLicense(id, ALICE), "the owner's licence moves with the asset");
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.NotAssetOwner.selector, id, ALICE, BOB));
        vm.prank(ALICE);
        r.transferAsset(id, ALICE);
        vm.expectRevert(IRevenueVault.ZeroAddress.selector);
        vm.prank(BOB);
        r.transferAsset(id, address(0));
    }

    function test_assetOf_revertsOnAnUnknownAsset() public {
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.UnknownAsset.selector, 0));
        r.assetOf(0);
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.UnknownAsset.selector, 1));
        r.termsOf(1);
    }

    function test_purchaseLicense_pullsThePriceAndRecordsTheExpiry() public {
        uint256 id = _closedAsset(ALICE);
        uint256 before = token.balanceOf(BUYER);
        vm.expectEmit(true, true, false, true, address(r));
        emit IAssetRegistry.LicensePurchased(id, BUYER, address(token), 10, uint64(block.timestamp + 1 days));
        vm.prank(BUYER);
        uint64 expiresAt = r.purchaseLicense(id, address(token), 10);
        assertEq(expiresAt, block.timestamp + 1 days);
        assertEq(r.licenseExpiry(id, BUYER), expiresAt);
        assertEq(before - token.balanceOf(BUYER), 10);
        assertTrue(r.hasLicense(id, BUYER), "licensed");
        vm.warp(expiresAt);
        assertTrue(!r.hasLicense(id, BUYER), "expired at its end");
    }

    function test_purchaseLicense_creditsThePaymentAsRevenue() public {
        uint256 id = _closedAsset(ALICE);
        vm.prank(BUYER);
        r.purchaseLicense(id, address(token), 10);
        assertEq(r.totalDeposited(address(token)), 10);
        assertEq(r.feesOwed(address(token)), 0, "5% of 10 rounds down to nothing");
        assertEq(r.credited(id, address(token)), 10);
        assertEq(r.claimable(id, address(token), ALICE, 1), 10);
    }

    function test_purchaseLicense_extendsFromTheCurrentExpiry() public {
        uint256 id = _closedAsset(ALICE);
        vm.startPrank(BUYER);
        uint64 first = r.purchaseLicense(id, address(token), 10);
        vm.warp(block.timestamp + 1 hours);
        assertEq(r.purchaseLicense(id, address(token), 10), first + 1 days, "stacked on the running license");
        vm.warp(block.timestamp + 10 days);
        assertEq(r.purchaseLicense(id, address(token), 10), block.timestamp + 1 days, "from now once expired");
        vm.stopPrank();
    }

    function test_purchaseLicense_perpetualOnce() public {
        vm.prank(ALICE);
        uint256 id = r.register(IAssetRegistry.Kind.Dataset, keccak256("p"), "", _terms(false, 0, 10, 0), _noParents());
        vm.startPrank(BUYER);
        assertEq(r.purchaseLicense(id, address(token), 10), type(uint64).max);
        vm.warp(block.timestamp + 3650 days);
        assertTrue(r.hasLicense(id, BUYER), "still licensed");
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.AlreadyPerpetual.selector, id, BUYER));
        r.purchaseLicense(id, address(token), 10);
        vm.stopPrank();
    }

    function test_purchaseLicense_revertsAboveTheMaxPrice() public {
        uint256 id = _closedAsset(ALICE);
        // The owner raises the price just before the buyer's transaction lands.
        vm.prank(ALICE);
        r.setTerms(id, _terms(false, 0, 11, 1 days));
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistry.PriceAboveMax.selector, id, 11, 10));
        vm.prank(BUYER);
        r.purchaseLicense(id, address(token), 10);
    }

    function test_purchaseLicense_revertsOnAnotherCurrency() public {
        uint256 id = _closedAsset(ALICE);
        TestToken other = new TestToken();
        vm.expectRevert(
            abi.encodeWithSelector(IAssetRegistry.CurrencyMismatch.selector, id, address(token), address(other))
        );
        vm.prank(BUYER);
        r.purchaseLicense(id, address(other), 10);
    }

    function test_purchaseLicense_revertsOnceTheCurrencyIsStopped() public {
        uint256 id = _closedAsset(ALICE);
        vm.prank(ADMIN);
        r.setCurrencyAllowed(address(token), false);
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.CurrencyNotAllowed.selector, address(token)));
        vm.prank(BUYER);
        r.purchaseLicense(id, address(token), 10);
    }

    function test_purchaseLicense_freeMovesNoTokens() public {
        uint256 id = _asset(ALICE, 0, _noParents());
        uint256 before = token.balanceOf(BUYER);
        vm.prank(BUYER);
        r.purchaseLicense(id, address(token), 0);
        assertEq(token.balanceOf(BUYER), before);
        assertEq(r.totalDeposited(address(token)), 0);
        assertTrue(r.hasLicense(id, BUYER), "a free license is still recorded");
    }

    function test_purchaseLicense_revertsOnAnUnknownAsset() public {
        vm.expectRevert(abi.encodeWithSelector(IRevenueVault.UnknownAsset.selector, 5));
        r.purchaseLicense(5, address(token), 10);
    }

    function test_hasLicense_ownerAlwaysOthersNot() public {
        uint256 id = _closedAsset(ALICE);
        assertTrue(r.hasLicense(id, ALICE), "owner");
        assertTrue(!r.hasLicense(id, BOB), "stranger");
        assertTrue(!r.hasLicense(99, address(0)), "no asset, no owner");
    }

    /// @dev Any sequence of purchases extends from the later of now and the expiry, by the duration each time.
    function testFuzz_purchaseLicense_expiryArithmetic(uint32 duration, uint32 gap1, uint32 gap2) public {
        vm.assume(duration > 0);
        vm.prank(ALICE);
        uint256 id =
            r.register(IAssetRegistry.Kind.Dataset, keccak256("f"), "", _terms(false, 0, 3, duration), _noParents());
        vm.startPrank(BUYER);
        uint256 expiry = r.purchaseLicense(id, address(token), 3);
        assertEq(expiry, block.timestamp + duration);
        vm.warp(block.timestamp + gap1);
        uint256 expected = (expiry > block.timestamp ? expiry : block.timestamp) + duration;
        expiry = r.purchaseLicense(id, address(token), 3);
        assertEq(expiry, expected, "second");
        vm.warp(block.timestamp + gap2);
        expected = (expiry > block.timestamp ? expiry : block.timestamp) + duration;
        assertEq(r.purchaseLicense(id, address(token), 3), expected, "third");
        vm.stopPrank();
        assertTrue(r.hasLicense(id, BUYER), "licensed right after buying");
        assertEq(r.credited(id, address(token)), 9);
    }

    /// @dev An asset of `owner` closed to derivatives, licensed for a day at 10.
    function _closedAsset(address owner) internal returns (uint256) {
        vm.prank(owner);
        return r.register(
            IAssetRegistry.Kind.Dataset,
            keccak256(abi.encode("closed", owner)),
            "",
            _terms(false, 0, 10, 1 days),
            _noParents()
        );
    }
}
