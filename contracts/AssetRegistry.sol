// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IAssetRegistry} from "./interfaces/IAssetRegistry.sol";
import {RevenueVault} from "./RevenueVault.sol";

/// @title Caravan asset registry
/// @notice See {IAssetRegistry} and {IRevenueVault}: one contract registers assets, sells their licenses and holds
/// their revenue, so a deposit walks the lineage in storage instead of calling out per parent.
contract AssetRegistry is IAssetRegistry, RevenueVault {
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");
    uint256 public constant MAX_PARENTS = 8;
    /// @notice The most assets one deposit may credit (each path up the lineage counted), which bounds its gas.
    uint256 public constant MAX_ROUTE = 64;
    uint64 private constant PERPETUAL = type(uint64).max;

    struct Record {
        address owner;
        Kind kind;
        bool community;
        // Byte d: how many assets a deposit here credits when it may climb d levels (capped at 255), so a
        // registration can bound its deposits' work from its parents' bytes alone.
        uint72 reach;
        bytes32 contentHash;
        bytes32 sharesRoot;
        uint256 totalWeight;
        string metadataURI;
        Terms terms;
    }

    uint256 public assetCount;
    mapping(uint256 assetId => Record) private _assets;
    mapping(uint256 assetId => Parent[]) private _parents;
    mapping(uint256 assetId => mapping(address account => uint64)) public licenseExpiry;

    /// @param admin Holds DEFAULT_ADMIN_ROLE (currencies, fee receiver, roles).
    /// @param registrar Holds REGISTRAR_ROLE (community assets and their shares; the platform's operator).
    /// @param governor Holds GOVERNOR_ROLE (the fee).
    /// @param feeReceiver_ Where withdrawn fees go.
    /// @param feeBps_ The platform's fee on deposits, at most `MAX_FEE_BPS`.
    constructor(address admin, address registrar, address governor, address feeReceiver_, uint16 feeBps_)
        RevenueVault(admin, governor, feeReceiver_, feeBps_)
    {
        _grantRole(REGISTRAR_ROLE, registrar);
    }

    /// @inheritdoc IAssetRegistry
    function register(
        Kind kind,
        bytes32 contentHash,
        string calldata metadataURI,
        Terms calldata terms,
        Parent[] calldata parents
    ) external returns (uint256 assetId) {
        return _register(msg.sender, false, kind, contentHash, metadataURI, terms, parents);
    }

    /// @inheritdoc IAssetRegistry
    function registerFor(
        address owner,
        Kind kind,
        bytes32 contentHash,
        string calldata metadataURI,
        Terms calldata terms,
        Parent[] calldata parents
    ) external onlyRole(REGISTRAR_ROLE) returns (uint256 assetId) {
        if (owner == address(0)) revert ZeroAddress();
        return _register(owner, true, kind, contentHash, metadataURI, terms, parents);
    }

    /// @inheritdoc IAssetRegistry
    function commitShares(uint256 assetId, bytes32 root, uint256 totalWeight) external onlyRole(REGISTRAR_ROLE) {
        Record storage a = _record(assetId);
        if (!a.community) revert NotCommunity(assetId);
        if (a.sharesRoot != bytes32(0)) revert SharesAlreadyCommitted(assetId);
        if (root == bytes32(0) || totalWeight == 0) revert BadShares(root, totalWeight);
        a.sharesRoot = root;
        a.totalWeight = totalWeight;
        emit SharesCommitted(assetId, root, totalWeight);
    }

    /// @inheritdoc IAssetRegistry
    function setMetadataURI(uint256 assetId, string calldata metadataURI) external {
        _owned(assetId).metadataURI = metadataURI;
        emit MetadataChanged(assetId, metadataURI);
    }

    /// @inheritdoc IAssetRegistry
    function setTerms(uint256 assetId, Terms calldata terms) external {
        Record storage a = _owned(assetId);
        _checkTerms(terms);
        uint16 current = a.terms.parentShareBps;
        if (_parents[assetId].length > 0 && terms.parentShareBps < current) {
            revert ParentShareLowered(assetId, current, terms.parentShareBps);
        }
        a.terms = terms;
        emit TermsChanged(assetId, terms);
    }

    /// @inheritdoc IAssetRegistry
    function transferAsset(uint256 assetId, address to) external {
        Record storage a = _owned(assetId);
        if (to == address(0)) revert ZeroAddress();
        a.owner = to;
        emit AssetTransferred(assetId, msg.sender, to);
    }

    /// @inheritdoc IAssetRegistry
    function purchaseLicense(uint256 assetId, address currency, uint256 maxPrice)
        external
        nonReentrant
        returns (uint64 expiresAt)
    {
        Terms memory t = _record(assetId).terms;
        if (t.currency != currency) revert CurrencyMismatch(assetId, t.currency, currency);
        if (t.price > maxPrice) revert PriceAboveMax(assetId, t.price, maxPrice);
        uint64 current = licenseExpiry[assetId][msg.sender];
        if (current == PERPETUAL) revert AlreadyPerpetual(assetId, msg.sender);
        if (t.durationSeconds == 0) {
            expiresAt = PERPETUAL;
        } else {
            uint256 from = current > block.timestamp ? current : block.timestamp;
            // A license that would outlast a uint64 of seconds is as good as perpetual.
            expiresAt = uint64(Math.min(from + t.durationSeconds, PERPETUAL));
        }
        licenseExpiry[assetId][msg.sender] = expiresAt;
        emit LicensePurchased(assetId, msg.sender, currency, t.price, expiresAt);
        if (t.price > 0) _deposit(assetId, currency, msg.sender, t.price);
    }

    /// @inheritdoc IAssetRegistry
    function hasLicense(uint256 assetId, address account) public view returns (bool) {
        return
            _assets[assetId].owner == account && account != address(0)
                || licenseExpiry[assetId][account] > block.timestamp;
    }

    /// @inheritdoc IAssetRegistry
    function assetOf(uint256 assetId)
        external
        view
        returns (address owner, Kind kind, bool community, bytes32 contentHash, string memory metadataURI)
    {
        Record storage a = _record(assetId);
        return (a.owner, a.kind, a.community, a.contentHash, a.metadataURI);
    }

    /// @inheritdoc IAssetRegistry
    function termsOf(uint256 assetId) external view returns (Terms memory) {
        return _record(assetId).terms;
    }

    /// @inheritdoc IAssetRegistry
    function parentsOf(uint256 assetId) external view returns (Parent[] memory) {
        _record(assetId);
        return _parents[assetId];
    }

    /// @inheritdoc IAssetRegistry
    function sharesOf(uint256 assetId) external view returns (bytes32 root, uint256 totalWeight) {
        Record storage a = _record(assetId);
        return (a.sharesRoot, a.totalWeight);
    }

    function _register(
        address owner,
        bool community,
        Kind kind,
        bytes32 contentHash,
        string calldata metadataURI,
        Terms calldata terms,
        Parent[] calldata parents
    ) private returns (uint256 assetId) {
        if (contentHash == bytes32(0)) revert ZeroContentHash();
        _checkTerms(terms);
        uint72 reach = _checkParents(owner, parents);
        assetId = ++assetCount;
        Record storage a = _assets[assetId];
        a.owner = owner;
        a.kind = kind;
        a.community = community;
        a.reach = reach;
        a.contentHash = contentHash;
        a.metadataURI = metadataURI;
        a.terms = terms;
        emit AssetRegistered(assetId, kind, owner, msg.sender, community, contentHash, metadataURI);
        for (uint256 i = 0; i < parents.length; i++) {
            _parents[assetId].push(parents[i]);
            emit LineageRecorded(assetId, parents[i].assetId, parents[i].relation);
        }
    }

    /// @dev Checks the parents of a new asset of `owner` and returns the new asset's reach bytes.
    function _checkParents(address owner, Parent[] calldata parents) private view returns (uint72 reach) {
        if (parents.length > MAX_PARENTS) revert TooManyParents(parents.length, MAX_PARENTS);
        // reach[d] = 1 + sum over parents of their reach[d - 1]; reach[0] = 1.
        uint256[MAX_DEPTH + 1] memory lanes;
        for (uint256 d = 0; d <= MAX_DEPTH; d++) {
            lanes[d] = 1;
        }
        for (uint256 i = 0; i < parents.length; i++) {
            uint256 id = parents[i].assetId;
            for (uint256 j = 0; j < i; j++) {
                if (parents[j].assetId == id) revert DuplicateParent(id);
            }
            Record storage p = _record(id);
            if (!p.terms.derivativesAllowed && !hasLicense(id, owner)) revert DerivativesNotAllowed(id, owner);
            for (uint256 d = 1; d <= MAX_DEPTH; d++) {
                lanes[d] += (p.reach >> (8 * (d - 1))) & 0xff;
            }
        }
        if (lanes[MAX_DEPTH] > MAX_ROUTE) revert LineageTooWide(lanes[MAX_DEPTH], MAX_ROUTE);
        for (uint256 d = 0; d <= MAX_DEPTH; d++) {
            reach |= uint72((lanes[d] > 0xff ? 0xff : lanes[d]) << (8 * d));
        }
    }

    function _checkTerms(Terms calldata terms) private view {
        if (terms.parentShareBps > BPS) revert BadParentShare(terms.parentShareBps);
        if (!isCurrencyAllowed[terms.currency]) revert CurrencyNotAllowed(terms.currency);
    }

    function _record(uint256 assetId) private view returns (Record storage a) {
        a = _assets[assetId];
        if (a.owner == address(0)) revert UnknownAsset(assetId);
    }

    function _owned(uint256 assetId) private view returns (Record storage a) {
        a = _record(assetId);
        if (a.owner != msg.sender) revert NotAssetOwner(assetId, msg.sender, a.owner);
    }

    function _assetExists(uint256 assetId) internal view override returns (bool) {
        return _assets[assetId].owner != address(0);
    }

    function _lineageOf(uint256 assetId) internal view override returns (uint16 parentShareBps, uint256[] memory ids) {
        Parent[] storage ps = _parents[assetId];
        ids = new uint256[](ps.length);
        if (ids.length == 0) return (0, ids);
        for (uint256 i = 0; i < ids.length; i++) {
            ids[i] = ps[i].assetId;
        }
        parentShareBps = _assets[assetId].terms.parentShareBps;
    }

    function _holdersOf(uint256 assetId)
        internal
        view
        override
        returns (address owner, bool community, bytes32 root, uint256 totalWeight)
    {
        Record storage a = _assets[assetId];
        owner = a.owner;
        community = a.community;
        if (community) (root, totalWeight) = (a.sharesRoot, a.totalWeight);
    }
}
