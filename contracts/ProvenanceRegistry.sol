// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IProvenanceRegistry} from "./interfaces/IProvenanceRegistry.sol";

/// @title Caravan provenance registry
/// @notice See {IProvenanceRegistry}.
contract ProvenanceRegistry is IProvenanceRegistry, AccessControl {
    bytes32 public constant ANCHORER_ROLE = keccak256("ANCHORER_ROLE");

    mapping(bytes32 batchId => Batch) private _batches;

    /// @param admin Holds DEFAULT_ADMIN_ROLE.
    /// @param anchorer Holds ANCHORER_ROLE.
    constructor(address admin, address anchorer) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ANCHORER_ROLE, anchorer);
    }

    /// @inheritdoc IProvenanceRegistry
    function anchor(bytes32 batchId, bytes32 root, uint64 count, bytes32 manifestHash) external onlyRole(ANCHORER_ROLE) {
        if (_batches[batchId].anchoredAt != 0) revert AlreadyAnchored(batchId);
        if (root == bytes32(0)) revert ZeroRoot();
        if (count == 0) revert EmptyBatch();
        _batches[batchId] = Batch(root, count, uint64(block.timestamp), manifestHash);
        emit Anchored(batchId, root, count, manifestHash);
    }

    /// @inheritdoc IProvenanceRegistry
    function batchOf(bytes32 batchId) external view returns (Batch memory) {
        return _batches[batchId];
    }
}
