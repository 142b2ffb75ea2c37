// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IProvenanceRegistry} from "../interfaces/IProvenanceRegistry.sol";
import {IERC5192, ITierBadge} from "../interfaces/ITierBadge.sol";
import {ProvenanceRegistry} from "../ProvenanceRegistry.sol";
import {TierBadge} from "../TierBadge.sol";
import {Test} from "./utils/Vm.sol";

contract TierBadgeTest is Test {
    TierBadge internal badge;
    address internal constant ADMIN = address(0xA11CE);
    address internal constant ISSUER = address(0x155);
    address internal constant ALICE = address(0x1001);
    address internal constant BOB = address(0x1002);

    function setUp() public {
        badge = new TierBadge(ADMIN, ISSUER);
    }

    function test_issue_mintsALockedBadge() public {
        vm.prank(ISSUER);
        uint256 id = badge.issue(ALICE, 3);
        assertEq(id, (uint256(uint160(ALICE)) << 8) | 3);
        assertEq(id, badge.badgeId(ALICE, 3));
        assertEq(badge.ownerOf(id), ALICE);
        assertTrue(badge.hasBadge(ALICE, 3));
        assertTrue(!badge.hasBadge(ALICE, 2));
        assertTrue(badge.locked(id));
    }

    function test_issue_revertsForOthers() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, ALICE, badge.ISSUER_ROLE())
        );
        vm.prank(ALICE);
        badge.issue(ALICE, 1);
    }

    function test_issue_revertsTwice() public {
        vm.startPrank(ISSUER);
        badge.issue(ALICE, 1);
        vm.expectRevert(abi.encodeWithSelector(ITierBadge.BadgeExists.selector, ALICE, uint8(1)));
        badge.issue(ALICE, 1);
        vm.stopPrank();
    }

    function test_revoke_burns() public {
        vm.startPrank(ISSUER);
        uint256 id = badge.issue(ALICE, 1);
        badge.revoke(ALICE, 1);
        vm.stopPrank();
        assertTrue(!badge.hasBadge(ALICE, 1));
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, id));
        badge.locked(id);
    }

    function test_revoke_revertsWithoutABadge() public {
        vm.expectRevert(abi.encodeWithSelector(ITierBadge.NoBadge.selector, ALICE, uint8(1)));
        vm.prank(ISSUER);
        badge.revoke(ALICE, 1);
    }

    function test_revoke_revertsForOthers() public {
        vm.prank(ISSUER);
        badge.issue(ALICE, 1);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, ALICE, badge.ISSUER_ROLE())
        );
        vm.prank(ALICE);
        badge.revoke(ALICE, 1);
    }

    function test_transfer_revertsAlways() public {
        vm.prank(ISSUER);
        uint256 id = badge.issue(ALICE, 1);
        vm.startPrank(ALICE);
        vm.expectRevert(ITierBadge.Soulbound.selector);
        badge.transferFrom(ALICE, BOB, id);
        vm.expectRevert(ITierBadge.Soulbound.selector);
        badge.safeTransferFrom(ALICE, BOB, id);
        vm.expectRevert(ITierBadge.Soulbound.selector);
        badge.approve(BOB, id);
        vm.expectRevert(ITierBadge.Soulbound.selector);
        badge.setApprovalForAll(BOB, true);
        vm.stopPrank();
    }

    function test_supportsInterface_erc5192AndErc721() public view {
        assertTrue(badge.supportsInterface(0xb45a3c0e), "ERC-5192");
        assertTrue(badge.supportsInterface(type(IERC721).interfaceId), "ERC-721");
        assertTrue(!badge.supportsInterface(0xffffffff));
    }

    function test_constructor_namesTheCollection() public view {
        assertEq(keccak256(bytes(badge.name())), keccak256("Caravan Tier Badge"));
        assertEq(keccak256(bytes(badge.symbol())), keccak256("CRVNB"));
        assertTrue(badge.hasRole(badge.ISSUER_ROLE(), ISSUER));
        assertTrue(badge.hasRole(bytes32(0), ADMIN));
    }

    function test_issue_emitsLockedAndBadgeIssued() public {
        uint256 id = badge.badgeId(ALICE, 2);
        vm.expectEmit(true, true, true, true, address(badge));
        emit IERC721.Transfer(address(0), ALICE, id);
        vm.expectEmit(false, false, false, true, address(badge));
        emit IERC5192.Locked(id);
        vm.expectEmit(true, true, false, true, address(badge));
        emit ITierBadge.BadgeIssued(ALICE, 2, id);
        vm.prank(ISSUER);
        badge.issue(ALICE, 2);
    }

    function test_issue_keepsTiersAndAccountsApart() public {
        vm.startPrank(ISSUER);
        uint256 low = badge.issue(ALICE, 0);
        uint256 high = badge.issue(ALICE, 255);
        uint256 bobs = badge.issue(BOB, 0);
        vm.stopPrank();
        assertTrue(low != high && low != bobs);
        assertEq(badge.balanceOf(ALICE), 2);
        assertTrue(badge.hasBadge(ALICE, 0) && badge.hasBadge(ALICE, 255) && badge.hasBadge(BOB, 0));
        assertTrue(!badge.hasBadge(BOB, 255));
        assertEq(badge.badgeId(address(0), 7), 7);
        assertEq(badge.badgeId(address(type(uint160).max), 255), type(uint168).max);
    }

    function test_revoke_emitsAndAllowsReissue() public {
        vm.startPrank(ISSUER);
        uint256 id = badge.issue(ALICE, 4);
        vm.expectEmit(true, true, false, true, address(badge));
        emit ITierBadge.BadgeRevoked(ALICE, 4, id);
        badge.revoke(ALICE, 4);
        assertEq(badge.issue(ALICE, 4), id);
        vm.stopPrank();
        assertTrue(badge.locked(id));
    }

    function test_locked_revertsForAnUnknownBadge() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, uint256(1)));
        badge.locked(1);
    }

    function test_transfer_revertsEvenForTheIssuerAndAdmin() public {
        vm.prank(ISSUER);
        uint256 id = badge.issue(ALICE, 1);
        vm.expectRevert(ITierBadge.Soulbound.selector);
        vm.prank(ISSUER);
        badge.transferFrom(ALICE, ISSUER, id);
        vm.expectRevert(ITierBadge.Soulbound.selector);
        vm.prank(ADMIN);
        badge.safeTransferFrom(ALICE, ADMIN, id, "");
        assertEq(badge.ownerOf(id), ALICE);
        assertEq(badge.getApproved(id), address(0));
    }

    /// @dev The id packs the account and the tier, and unpacks back to both.
    function testFuzz_badgeId_packsAccountAndTier(address account, uint8 tier) public view {
        uint256 id = badge.badgeId(account, tier);
        assertEq(address(uint160(id >> 8)), account);
        assertEq(id & 0xff, tier);
    }
}

contract ProvenanceRegistryTest is Test {
    ProvenanceRegistry internal registry;
    address internal constant ANCHORER = address(0xA2C);

    function setUp() public {
        registry = new ProvenanceRegistry(address(this), ANCHORER);
    }

    function test_anchor_recordsTheBatch() public {
        vm.warp(1_700_000_000);
        vm.prank(ANCHORER);
        registry.anchor(keccak256("b1"), keccak256("root"), 10, keccak256("manifest"));
        IProvenanceRegistry.Batch memory b = registry.batchOf(keccak256("b1"));
        assertEq(b.root, keccak256("root"));
        assertEq(b.count, 10);
        assertEq(b.anchoredAt, 1_700_000_000);
        assertEq(b.manifestHash, keccak256("manifest"));
        assertEq(registry.batchOf(keccak256("b2")).anchoredAt, 0);
    }

    function test_anchor_emitsAnchored() public {
        vm.expectEmit(true, false, false, true, address(registry));
        emit IProvenanceRegistry.Anchored(keccak256("b1"), keccak256("root"), 3, keccak256("manifest"));
        vm.prank(ANCHORER);
        registry.anchor(keccak256("b1"), keccak256("root"), 3, keccak256("manifest"));
    }

    function test_anchor_revertsTwice() public {
        vm.startPrank(ANCHORER);
        registry.anchor(keccak256("b1"), keccak256("root"), 1, 0);
        vm.expectRevert(abi.encodeWithSelector(IProvenanceRegistry.AlreadyAnchored.selector, keccak256("b1")));
        registry.anchor(keccak256("b1"), keccak256("other"), 1, 0);
        vm.stopPrank();
    }

    function test_anchor_revertsOnZeroRootOrEmptyBatch() public {
        vm.startPrank(ANCHORER);
        vm.expectRevert(IProvenanceRegistry.ZeroRoot.selector);
        registry.anchor(keccak256("b1"), 0, 1, 0);
        vm.expectRevert(IProvenanceRegistry.EmptyBatch.selector);
        registry.anchor(keccak256("b1"), keccak256("root"), 0, 0);
        vm.stopPrank();
    }

    function test_anchor_revertsForOthers() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(0xBAD), registry.ANCHORER_ROLE()
            )
        );
        vm.prank(address(0xBAD));
        registry.anchor(keccak256("b1"), keccak256("root"), 1, 0);
    }
}
