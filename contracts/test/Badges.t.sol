// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IProvenanceRegistry} from "../interfaces/IProvenanceRegistry.sol";
import {ITierBadge} from "../interfaces/ITierBadge.sol";
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
