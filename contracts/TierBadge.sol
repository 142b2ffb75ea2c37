// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC5192, ITierBadge} from "./interfaces/ITierBadge.sol";

/// @title Caravan tier badge
/// @notice See {ITierBadge}. Every transfer and approval reverts: only minting and burning move a badge.
contract TierBadge is ITierBadge, ERC721, AccessControl {
    bytes32 public constant ISSUER_ROLE = keccak256("ISSUER_ROLE");

    /// @param admin Holds DEFAULT_ADMIN_ROLE.
    /// @param issuer Holds ISSUER_ROLE (issues and revokes badges).
    constructor(address admin, address issuer) ERC721("Caravan Tier Badge", "CRVNB") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ISSUER_ROLE, issuer);
    }

    /// @inheritdoc ITierBadge
    function issue(address account, uint8 tier) external onlyRole(ISSUER_ROLE) returns (uint256 tokenId) {
        tokenId = badgeId(account, tier);
        if (_ownerOf(tokenId) != address(0)) revert BadgeExists(account, tier);
        _mint(account, tokenId);
        emit Locked(tokenId);
        emit BadgeIssued(account, tier, tokenId);
    }

    /// @inheritdoc ITierBadge
    function revoke(address account, uint8 tier) external onlyRole(ISSUER_ROLE) {
        uint256 tokenId = badgeId(account, tier);
        if (_ownerOf(tokenId) != account) revert NoBadge(account, tier);
        _burn(tokenId);
        emit BadgeRevoked(account, tier, tokenId);
    }

    /// @inheritdoc ITierBadge
    function hasBadge(address account, uint8 tier) external view returns (bool) {
        return _ownerOf(badgeId(account, tier)) == account;
    }

    /// @inheritdoc ITierBadge
    function badgeId(address account, uint8 tier) public pure returns (uint256) {
        return (uint256(uint160(account)) << 8) | tier;
    }

    /// @inheritdoc IERC5192
    function locked(uint256 tokenId) external view returns (bool) {
        _requireOwned(tokenId);
        return true;
    }

    /// @notice Badges cannot be approved for transfer.
    function approve(address, uint256) public pure override {
        revert Soulbound();
    }

    /// @notice Badges cannot be approved for transfer.
    function setApprovalForAll(address, bool) public pure override {
        revert Soulbound();
    }

    /// @notice ERC-721, ERC-5192 (0xb45a3c0e) and AccessControl.
    function supportsInterface(bytes4 interfaceId) public view override(ERC721, AccessControl) returns (bool) {
        return interfaceId == type(IERC5192).interfaceId || super.supportsInterface(interfaceId);
    }

    /// @dev Only mints (from zero) and burns (to zero) pass; any transfer between accounts reverts.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address) {
        address from = _ownerOf(tokenId);
        if (from != address(0) && to != address(0)) revert Soulbound();
        return super._update(to, tokenId, auth);
    }
}
